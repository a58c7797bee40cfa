package io.passerelle.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ApiTokensTest {

    private static final String ADMIN_HASH = "17d6bfe05d1b1fb7bc499f8e3f639c7b3eda4c40f321eef8887a0c04c89a99c5";

    @Test
    void hashesLikeSha256sum() {
        assertThat(TokenHasher.sha256Hex("test-admin-token")).isEqualTo(ADMIN_HASH);
    }

    @Test
    void acceptsTheTokenOfAConfiguredHashOnly() {
        ApiTokens tokens = new ApiTokens(List.of(
                new ApiTokens.KnownToken(new ApiPrincipal("viewer", Role.VIEWER, Set.of()), TokenHasher.sha256("v")),
                new ApiTokens.KnownToken(new ApiPrincipal("admin", Role.ADMIN, Set.of()),
                        TokenHasher.parseHex(ADMIN_HASH.toUpperCase(), "admin"))));
        assertThat(tokens.authenticate("test-admin-token")).map(ApiPrincipal::name).contains("admin");
        assertThat(tokens.authenticate("v")).map(ApiPrincipal::role).contains(Role.VIEWER);
        assertThat(tokens.authenticate("test-admin-token ")).isEmpty();
        assertThat(tokens.authenticate(ADMIN_HASH)).isEmpty();
        assertThat(tokens.authenticate("")).isEmpty();
        assertThat(tokens.authenticate(null)).isEmpty();
    }

    @Test
    void refusesAHashThatIsNotSha256Hex() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TokenHasher.parseHex("abc", "ci"))
                .hasMessageContaining("'ci'").hasMessageContaining("64 hex digits");
    }

    @Test
    void capabilitiesBelongToApproversAndAdmins() {
        ApiPrincipal approver = new ApiPrincipal("a", Role.APPROVER, Set.of(Capability.INVOICES));
        assertThat(approver.holds(Capability.INVOICES)).isTrue();
        assertThat(approver.holds(Capability.COMMITMENTS)).isFalse();
        assertThat(new ApiPrincipal("x", Role.ADMIN, Set.of()).holds(Capability.COMMITMENTS)).isTrue();
        assertThat(new ApiPrincipal("e", Role.ENGINEER, Set.of(Capability.INVOICES)).holds(Capability.INVOICES)).isFalse();
        assertThat(approver.authorities()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_APPROVER", "CAPABILITY_INVOICES");
    }

    @Test
    void approvalKindsMatchCapabilitiesEitherWay() {
        assertThat(Capability.forKind("commitment")).contains(Capability.COMMITMENTS);
        assertThat(Capability.forKind("INVOICES")).contains(Capability.INVOICES);
        assertThat(Capability.forKind("payroll")).isEmpty();
        assertThat(Capability.forKind(null)).isEmpty();
    }
}
