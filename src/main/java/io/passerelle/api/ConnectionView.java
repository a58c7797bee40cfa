package io.passerelle.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionLink;
import io.passerelle.connection.CredentialMerger;

/**
 * A connection as the API shows it: credentials are write-only, so each key shows {@code "****"}. {@code link} only
 * for a connection whose ERP links it to one company of its own (see {@link #link(ConnectionLink)}); {@code warnings}
 * only in the answer of a change that calls for one.
 */
public record ConnectionView(
        String id,
        CompanyView company,
        String erp,
        List<EndpointView> endpoints,
        Map<String, String> credentials,
        Map<String, String> schedules,
        Map<String, Object> options,
        String owner,
        boolean allowOthersToEdit,
        Instant createdAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> link,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {

    public static ConnectionView of(Connection c, ConnectionLink link) {
        Map<String, String> redacted = new LinkedHashMap<>();
        c.credentials().keySet().forEach(key -> redacted.put(key, CredentialMerger.REDACTED));
        return new ConnectionView(c.id(), new CompanyView(c.company().code(), c.company().name()), c.erp(),
                c.endpoints().stream().map(e -> new EndpointView(e.name(), e.url(), e.isDefault())).toList(),
                redacted, c.schedules(), c.options(), c.owner(), c.allowOthersToEdit(), c.createdAt(), c.updatedAt(),
                link == null ? null : link(link), List.of());
    }

    /** The same, with what the caller should know about the change it made (e.g. that others may now edit it). */
    public ConnectionView withWarnings(List<String> given) {
        return new ConnectionView(id, company, erp, endpoints, credentials, schedules, options, owner,
                allowOthersToEdit, createdAt, updatedAt, link, List.copyOf(given));
    }

    /**
     * {@code {"status", <what the link names, e.g. "amId", "mandant">, "message", "checkedAt"}}: the identity's
     * entries beside the status, as the ERP names them.
     */
    static Map<String, Object> link(ConnectionLink link) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("status", link.status().name());
        link.identity().forEach(view::putIfAbsent);
        view.put("message", link.message());
        view.put("checkedAt", link.checkedAt());
        return view;
    }

    public record CompanyView(String code, String name) {
    }

    public record EndpointView(String name, String url, @JsonProperty("default") boolean isDefault) {
    }
}
