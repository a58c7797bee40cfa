package io.passerelle.api.security;

import java.util.List;
import java.util.Optional;

/** The tokens the API accepts, kept as SHA-256 hashes. */
public class ApiTokens {

    private final List<KnownToken> tokens;

    public ApiTokens(List<KnownToken> tokens) {
        this.tokens = List.copyOf(tokens);
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    public int size() {
        return tokens.size();
    }

    /**
     * The principal the presented token stands for. Every known hash is compared, in constant time, whether or
     * not one already matched: the time taken says nothing about which token came close.
     */
    public Optional<ApiPrincipal> authenticate(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] hash = TokenHasher.sha256(presented);
        ApiPrincipal match = null;
        for (KnownToken token : tokens) {
            if (TokenHasher.sameHash(token.sha256(), hash) && match == null) {
                match = token.principal();
            }
        }
        return Optional.ofNullable(match);
    }

    public record KnownToken(ApiPrincipal principal, byte[] sha256) {
    }
}
