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
 */
public record OAuthToken(String accessToken, String refreshToken, Instant obtainedAt, Instant expiresAt) {

    /** A token answer: {@code {"access_token","token_type","expires_in","refresh_token","scope"}}. */
    static OAuthToken read(JsonNode answer, Instant now, String erp) {
        String access = answer.path("access_token").asText(null);
        if (access == null || access.isBlank()) {
            throw new IllegalStateException(erp + " answered the token request without an access_token");
        }
        JsonNode expiresIn = answer.path("expires_in");
        Instant expiresAt = expiresIn.canConvertToLong() || expiresIn.isTextual() && expiresIn.asText().matches("\\d+")
                ? now.plusSeconds(expiresIn.asLong()) : null;
        return new OAuthToken(access, answer.path("refresh_token").asText(null), now, expiresAt);
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
