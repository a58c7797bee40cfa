package io.passerelle.api.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is calling: the configured token's name, role and capabilities (never the token). */
public record ApiPrincipal(String name, Role role, Set<Capability> capabilities) {

    public ApiPrincipal {
        capabilities = Set.copyOf(capabilities);
    }

    /** The caller of the request this thread serves, when it presented a valid token. */
    public static Optional<ApiPrincipal> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ApiPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    /** ADMIN may do everything, so it holds every capability; an APPROVER holds those configured. */
    public boolean holds(Capability capability) {
        return role == Role.ADMIN || (role == Role.APPROVER && capabilities.contains(capability));
    }

    public List<GrantedAuthority> authorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(role.authority()));
        for (Capability capability : Capability.values()) {
            if (holds(capability)) {
                authorities.add(new SimpleGrantedAuthority(capability.authority()));
            }
        }
        return authorities;
    }
}
