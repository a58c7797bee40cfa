package io.passerelle.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The console seen by a plain HTTP client with a cookie jar, as a browser without scripts sees it: pages, forms with
 * the CSRF token of the last page read, no redirect followed (so that tests see where they lead).
 */
final class ConsoleClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final int port;
    private final String language;
    private final String forwardedFor;
    private final HttpClient http;
    private String csrf;

    ConsoleClient(int port) {
        this(port, "en");
    }

    ConsoleClient(int port, String language) {
        this(port, language, null);
    }

    /** A client behind a reverse proxy that names its address ({@code X-Forwarded-For}). */
    ConsoleClient(int port, String language, String forwardedFor) {
        this.port = port;
        this.language = language;
        this.forwardedFor = forwardedFor;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Signs in with the form of the sign-in page; answers the POST's answer (a redirect when it worked). */
    Page signIn(String token) {
        get("/sign-in");
        return post("/sign-in", Map.of("token", token));
    }

    Page get(String path) {
        Page page = send(HttpRequest.newBuilder(uri(path)).GET());
        Matcher token = CSRF.matcher(page.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return page;
    }

    /** A form sent with the CSRF token of the last page read, as the page's own form sends it. */
    Page post(String path, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (csrf != null) {
            fields.put("_csrf", csrf);
        }
        return postWithout(path, fields);
    }

    Page post(String path) {
        return post(path, Map.of());
    }

    /** A form sent without any CSRF token: what another site's page can make a browser send. */
    Page postWithout(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The API, called with this client's cookies and no token. */
    Page api(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET());
    }

    private Page send(HttpRequest.Builder request) {
        request.header("Accept-Language", language);
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    response.headers().allValues("Set-Cookie"), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    record Page(int status, String location, List<String> setCookies, String body) {

        /** The Set-Cookie header of the console's session, if this answer set one. */
        String sessionCookie() {
            return setCookies.stream().filter(c -> c.startsWith("passerelle-console=")).findFirst().orElse(null);
        }

        /** The page's text without its tags, spaces folded: what a person reads. */
        String text() {
            return body.replaceAll("(?s)<head>.*?</head>", " ").replaceAll("<[^>]+>", " ")
                    .replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&")
                    .replaceAll("\\s+", " ").trim();
        }

        @Override
        public String toString() {
            return status + (location == null ? "" : " -> " + location) + " " + text();
        }
    }
}
