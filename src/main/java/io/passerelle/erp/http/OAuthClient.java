package io.passerelle.erp.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * An OAuth 2.0 client of one token endpoint: its id and secret, sent as the endpoint wants them, in an
 * HTTP Basic header (RFC 6749 §2.3.1, Abacus's recommendation) or as {@code client_id}/{@code client_secret} form
 * fields (Acumatica, 24SevenOffice). Its {@code toString} hides the secret.
 *
 * @param tokenPath below the token client's base URL, e.g. {@code /identity/connect/token}
 */
public record OAuthClient(String tokenPath, String clientId, String clientSecret, ClientAuthentication authentication) {

    public enum ClientAuthentication { BASIC, FORM }

    /** The answer to a token request of {@code grant} (its {@code grant_type} and fields), whatever its status. */
    CompletableFuture<HttpAnswer> request(RestClient client, Map<String, String> grant) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", grant.get("grant_type"));
        if (authentication == ClientAuthentication.FORM) {
            fields.put("client_id", clientId);
            fields.put("client_secret", clientSecret);
        }
        grant.forEach(fields::putIfAbsent);
        RestRequest request = RestRequest.post(tokenPath, "application/x-www-form-urlencoded", Queries.form(fields))
                .withHeaders(Map.of("Accept", "application/json"));
        if (authentication == ClientAuthentication.BASIC) {
            request = request.withHeaders(Map.of("Authorization", "Basic " + basic()));
        }
        return client.exchange(request, "sign-in", HttpAuthentication.NONE);
    }

    /** A token for {@code grant}, or the token endpoint's refusal in its words. */
    CompletableFuture<OAuthToken> token(RestClient client, Map<String, String> grant, InstantSource clock) {
        return request(client, grant).thenApply(answer -> {
            if (!answer.ok()) {
                throw client.refusals().refused("sign-in", answer);
            }
            return OAuthToken.read(client.json(answer), clock.instant(), client.refusals().erp());
        });
    }

    private String basic() {
        String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "OAuthClient[tokenPath=" + tokenPath + ", clientId=" + clientId + ", secret hidden, " + authentication + "]";
    }
}
