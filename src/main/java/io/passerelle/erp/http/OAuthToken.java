package io.passerelle.erp.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * An OAuth 2.0 access token (and refresh token, when granted) with its lifetime. Its {@code toString} hides the
 * tokens: one logged by accident must not leak.
 *
 * @param expiresAt null when the answer gave no {@code expires_in}: then it is used until a 401
 * @param scope     the scopes granted, blank-separated as the answer gave them; null when it named none (then they are
 *                  the ones asked for, RFC 6749 §5.1)
 */
public record OAuthToken(String accessToken, String refreshToken, Instant obtainedAt, Instant expiresAt, String scope) {

    public OAuthToken(String accessToken, String refreshToken, Instant obtainedAt, Instant expiresAt) {
        this(accessToken, refreshToken, obtainedAt, expiresAt, null);
    }

    /** A token answer: {@code {"access_token","token_type","expires_in","refresh_token","scope"}}. */
    static OAuthToken read(JsonNode answer, Instant now, String erp) {
        String access = answer.path("access_token").asText(null);
        if (access == null || access.isBlank()) {
            throw new IllegalStateException(erp + " answered the token request without an access_token");
        }
        JsonNode expiresIn = answer.path("expires_in");
        Instant expiresAt = expiresIn.canConvertToLong() || expiresIn.isTextual() && expiresIn.asText().matches("\\d+")
                ? now.plusSeconds(expiresIn.asLong()) : null;
        JsonNode scope = answer.path("scope");
        return new OAuthToken(access, answer.path("refresh_token").asText(null), now, expiresAt,
                scope.isTextual() && !scope.asText().isBlank() ? scope.asText().strip() : null);
    }

    /** The granted scopes, one per entry; empty when the answer named none. */
    public java.util.Set<String> scopes() {
        return scope == null ? java.util.Set.of() : java.util.Set.of(scope.split("\\s+"));
    }

    public Map<String, String> bearer() {
        return Map.of("Authorization", "Bearer " + accessToken);
    }

    /**
     * Whether a request sent now may still carry it: not within {@code margin} of its expiry. A short-lived token
     * keeps at least half its life, or it would be renewed for every call.
     */
    boolean usable(Instant now, Duration margin) {
        if (expiresAt == null) {
            return true;
        }
        Duration life = Duration.between(obtainedAt, expiresAt);
        Duration early = margin.compareTo(life.dividedBy(2)) > 0 ? life.dividedBy(2) : margin;
        return now.isBefore(expiresAt.minus(early));
    }

    @Override
    public String toString() {
        return "OAuthToken[obtainedAt=" + obtainedAt + ", expiresAt=" + expiresAt + ", tokens hidden]";
    }
}
