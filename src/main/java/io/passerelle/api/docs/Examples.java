package io.passerelle.api.docs;

import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;

/**
 * Examples of the main request bodies, as API.md shows them: what a person trying the API in Swagger UI starts from.
 * Written as JSON (read once, when the document is made) so that they read as the contract does.
 */
final class Examples {

    private static final Map<String, String> BODIES = Map.of(
            "POST /api/connections", """
                    {"id": "acme-avantage",
                     "company": {"code": "ACME", "name": "Construction Acme inc."},
                     "erp": "avantage",
                     "endpoints": [{"name": "main", "url": "tcp://erp.acme.example:2131", "default": true}],
                     "credentials": {"user": "integration", "password": "change-me", "encryptionKey": "change-me"},
                     "schedules": {"projects": "0 0 * * * ?", "employees": "daily at 02:00"},
                     "options": {},
                     "allowOthersToEdit": false}""",
            "POST /api/timesheets", """
                    {"company": "ACME", "employeeNumber": "E-00042", "status": "VALIDATED",
                     "lines": [{"date": "2026-11-16", "projectNumber": "P-1001", "activityCode": "03-100",
                                "tradeCode": "CARP", "hours": 8.0, "hourTypeCode": "REG",
                                "earnings": [{"code": "KM", "quantity": 42}]}]}""",
            "PUT /api/connections/{id}/maps/{kind}", """
                    {"entries": [{"platformCode": "DRV-118", "erpCode": "P-1003"}]}""",
            "POST /api/approvals/{itemId}/reject", """
                    {"reason": "the amount does not match the purchase order"}""",
            "POST /api/import-jobs", """
                    {"name": "nightly customers", "connection": "acme-adminpulse", "companies": null,
                     "flows": ["customers"], "range": {"kind": "LAST_DAYS", "days": 30}, "schedule": "0 0 2 * * ?"}""");

    private final Map<String, Object> parsed;

    Examples(ObjectMapper json) {
        this.parsed = BODIES.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> read(json, e.getValue())));
    }

    void add(PathItem.HttpMethod method, String path, Operation operation) {
        Object example = parsed.get(method.name() + " " + path);
        if (example != null && operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().values().forEach(media -> media.setExample(example));
        }
    }

    private static Object read(ObjectMapper json, String body) {
        try {
            return json.readValue(body, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an example of the API description is not JSON: " + body, e);
        }
    }
}
