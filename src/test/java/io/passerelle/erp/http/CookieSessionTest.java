package io.passerelle.erp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.erp.http.RestFixture.Response;
import io.passerelle.run.Futures;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A cookie session: signed in once, the cookies sent back, signed in again once after a 401, signed out at the end. */
class CookieSessionTest {

    private final RestFixture fixture = new RestFixture();
    private final AtomicInteger sessions = new AtomicInteger();
    private final RestClient client = fixture.client(fixture.transport());

    @AfterEach
    void stop() {
        fixture.close();
    }

    private RestSession session() {
        fixture.on("POST", "/auth/login", request -> new Response(204, Map.of("Set-Cookie", java.util.List.of(
                "ASP.NET_SessionId=s" + sessions.incrementAndGet() + "; path=/; HttpOnly", ".ASPXAUTH=t" + sessions.get() + "; path=/")), null));
        fixture.on("POST", "/auth/logout", request -> new Response(204, Map.of(), null));
        return new RestSession(client, new CookieSession(client,
                RestRequest.post("/auth/login", "application/json", "{\"name\":\"u\",\"password\":\"p\"}"),
                new RestRequest("POST", "/auth/logout", null, Map.of(), null)));
    }

    @Test
    void theSignInsCookiesGoWithEveryCallAndTheSignOutEndsTheSession() {
        fixture.on("GET", "/items", request -> Response.json(200, "[]"));
        try (RestSession session = session()) {
            session.signIn();
            Futures.join(session.send(RestRequest.get("/items", null), "GET items"));
            assertThat(session.authentication()).isEqualTo("cookie");
        }
        assertThat(fixture.requests("GET", "/items").get(0).header("Cookie")).isEqualTo("ASP.NET_SessionId=s1; .ASPXAUTH=t1");
        assertThat(fixture.requests("POST", "/auth/logout")).singleElement()
                .satisfies(logout -> assertThat(logout.header("Cookie")).isEqualTo("ASP.NET_SessionId=s1; .ASPXAUTH=t1"));
    }

    @Test
    void anExpiredSessionSignsInOnceAgainAndTheCallGoesThrough() {
        fixture.on("GET", "/items", request -> "ASP.NET_SessionId=s1; .ASPXAUTH=t1".equals(request.header("Cookie"))
                ? Response.json(401, "{\"message\":\"Authorization has been denied for this request.\"}")
                : Response.json(200, "[1]"));
        try (RestSession session = session()) {
            session.signIn();
            assertThat(Futures.join(session.json(RestRequest.get("/items", null), "GET items"))).hasSize(1);
        }
        assertThat(fixture.requests("POST", "/auth/login")).hasSize(2);
        assertThat(fixture.requests("GET", "/items")).hasSize(2);
    }

    @Test
    void aSecond401StandsInTheErpsWords() {
        fixture.on("GET", "/items", request -> Response.json(401, "{\"message\":\"Authorization has been denied for this request.\"}"));
        try (RestSession session = session()) {
            session.signIn();
            assertThatThrownBy(() -> Futures.join(session.send(RestRequest.get("/items", null), "GET items")))
                    .hasMessage("GET items answered HTTP 401 Unauthorized — Authorization has been denied for this request.");
        }
        assertThat(fixture.requests("POST", "/auth/login")).as("signed in once more, not twice").hasSize(2);
    }

    @Test
    void whatASessionSendsIsNotShownWhenPrinted() {
        RestRequest signIn = RestRequest.post("/auth/login", "application/json", "{\"name\":\"u\",\"password\":\"hunter2\"}")
                .withHeaders(Map.of("Cookie", "ASP.NET_SessionId=s1"));
        assertThat(signIn.toString()).isEqualTo("RestRequest[POST /auth/login, headers [Content-Type, Cookie], body hidden]")
                .doesNotContain("hunter2").doesNotContain("s1");
        HttpAnswer token = new HttpAnswer(200, "{\"access_token\":\"a1\"}", Map.of("Set-Cookie", java.util.List.of("x=1")));
        assertThat(token.toString()).doesNotContain("a1").doesNotContain("x=1");
    }

    @Test
    void aRefusedSignInSaysWhyAndNothingIsSignedOut() {
        RestSession session = session();
        fixture.on("POST", "/auth/login", request -> Response.json(500,
                "{\"message\":\"An error has occurred.\",\"exceptionMessage\":\"Invalid credentials. Please try again.\","
                        + "\"stackTrace\":\"at PX.Data.PXLogin\"}"));
        assertThatThrownBy(session::signIn)
                .hasMessage("sign-in answered HTTP 500 Internal Server Error — Invalid credentials. Please try again.");
        session.close();
        assertThat(fixture.requests("POST", "/auth/logout")).isEmpty();
    }
}
