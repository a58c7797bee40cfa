package io.passerelle.erp.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each ERP's error body in words: never a stack trace, never a page of HTML. */
class ErrorBodiesTest {

    @Test
    void odataErrorsGiveTheirCodeMessageTargetAndEachDetail() {
        String body = """
                {"error":{"code":"ValidationFailed","message":"The entity could not be saved","details":[
                  {"code":"UnknownEmployee","message":"Employee 9999 does not exist","target":"EmployeeId"},
                  {"code":"TextTooLong","message":"Text is longer than 80","target":"Text"}]}}""";
        assertThat(ErrorBodies.words(body)).isEqualTo("ValidationFailed: The entity could not be saved; "
                + "EmployeeId: Employee 9999 does not exist; Text: Text is longer than 80");
        assertThat(ErrorBodies.words("{\"error\":{\"code\":\"Conflict\",\"message\":\"An entity with key Id=3f0e already exists\","
                + "\"target\":\"Id\"}}")).isEqualTo("Conflict: An entity with key Id=3f0e already exists (Id)");
        assertThat(ErrorBodies.code(body)).isEqualTo("ValidationFailed");
    }

    @Test
    void twentyFourSevenOfficeErrorsGiveTheirNameMessageValidationsAndTrackingId() {
        assertThat(ErrorBodies.words("{\"error\":{\"name\":\"UnauthorizedError\",\"message\":\"Token expired\"},\"trackingId\":\"t-42\"}"))
                .isEqualTo("UnauthorizedError: Token expired (tracking id t-42)");
        assertThat(ErrorBodies.words("{\"error\":{\"name\":\"ValidationError\",\"payload\":{\"validationErrors\":"
                + "[{\"path\":\"limit\",\"keyword\":\"maximum\"}]}},\"trackingId\":\"t-43\"}"))
                .isEqualTo("ValidationError; limit: maximum (tracking id t-43)");
        assertThat(ErrorBodies.code("{\"error\":{\"name\":\"ValidationError\"}}")).isEqualTo("ValidationError");
    }

    @Test
    void oauthErrorsGiveTheirCodeAndDescription() {
        assertThat(ErrorBodies.words("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}"))
                .isEqualTo("invalid_client: Client authentication failed");
        assertThat(ErrorBodies.words("{\"error\":\"unsupported_grant_type\"}")).isEqualTo("unsupported_grant_type");
        assertThat(ErrorBodies.code("{\"error\":\"invalid_scope\"}")).isEqualTo("invalid_scope");
    }

    @Test
    void problemDocumentsGiveTheirTitleAndDetail() {
        assertThat(ErrorBodies.words("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                + "\"detail\":\"The API key lacks the scope Read relations\"}"))
                .isEqualTo("Forbidden: The API key lacks the scope Read relations");
        assertThat(ErrorBodies.words("{\"title\":\"Bad Request\",\"status\":400}")).isEqualTo("Bad Request");
        assertThat(ErrorBodies.code("{\"type\":\"about:blank\",\"title\":\"Forbidden\"}")).isEqualTo("Forbidden");
    }

    @Test
    void acumaticaGivesItsExceptionsMessageAndNeverItsStackTrace() {
        String body = "{\"message\":\"An error has occurred.\",\"exceptionMessage\":\"Invalid credentials. Please try again.\","
                + "\"exceptionType\":\"PX.Data.PXException\",\"stackTrace\":\"   at PX.Data.PXLogin.Login(String name)\\r\\n   at …\"}";
        assertThat(ErrorBodies.words(body)).isEqualTo("Invalid credentials. Please try again.");
        assertThat(ErrorBodies.words("{\"message\":\"Authorization has been denied for this request.\"}"))
                .isEqualTo("Authorization has been denied for this request.");
        assertThat(ErrorBodies.words("{\"id\":\"5f\",\"error\":\"Inserting 'Bill' record raised at least one error.\","
                + "\"Vendor\":{\"value\":\"X\",\"error\":\"'Vendor' cannot be found in the system.\"}}"))
                .isEqualTo("Inserting 'Bill' record raised at least one error.");
    }

    @Test
    void anythingElseIsTheStatusLineAndAShortCleanedExcerpt() {
        String html = "<!DOCTYPE html><html><head><title>503 Service Unavailable</title><style>body{}</style></head>"
                + "<body><h1>Service Unavailable</h1><p>" + "x".repeat(5000) + "</p></body></html>";
        assertThat(ErrorBodies.describe(new HttpAnswer(503, html, Map.of())))
                .isEqualTo("HTTP 503 Service Unavailable — 503 Service Unavailable");
        assertThat(ErrorBodies.words("<html><body><script>var a = 1;</script><h1>Bad   gateway</h1></body></html>"))
                .isEqualTo("Bad gateway");
        assertThat(ErrorBodies.words("java.lang.IllegalStateException: pool exhausted\n\tat com.acme.Pool.take(Pool.java:12)\n"))
                .isEqualTo("java.lang.IllegalStateException: pool exhausted");
        String unknown = ErrorBodies.words("{\"reason\":\"quota\",\"stackTrace\":\"at x.y.Z\",\"innererror\":{\"trace\":\"…\"}}");
        assertThat(unknown).isEqualTo("{\"reason\":\"quota\"}");
        assertThat(ErrorBodies.words("y".repeat(1000))).hasSize(ErrorBodies.EXCERPT + 1).endsWith("…");
        assertThat(ErrorBodies.describe(new HttpAnswer(404, "", Map.of()))).isEqualTo("HTTP 404 Not Found");
        assertThat(ErrorBodies.describe(new HttpAnswer(599, null, Map.of("Link", List.of()))))
                .isEqualTo("HTTP 599");
    }
}
