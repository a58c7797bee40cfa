package io.passerelle.connection;

import java.util.Map;

/** What {@code POST /api/connections/{id}/test} answers: whether the ERP was reached, and in words why not. */
public record ConnectionTestResult(boolean ok, String endpoint, String message, Map<String, Object> details) {
}
