package io.passerelle.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.alert.AlertDeliveryView;
import io.passerelle.alert.AlertEvent;
import io.passerelle.alert.AlertSettings;
import io.passerelle.alert.AlertSubscription;
import io.passerelle.connection.ConnectionService;
import io.passerelle.connection.CredentialMerger;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/connections/{id}/alerts}: the connection's webhook for its flows' alerts (FAILED, PARTIAL, STALE,
 * RECOVERED), and {@code …/alerts/deliveries}, what was sent. The secret is answered as {@code "****"}, and
 * {@code "****"} in a PUT keeps the stored one, as a connection's credentials. Reads are settings
 * ({@link ConnectionGuard#SETTINGS_READS}); a PUT or DELETE is a change of the connection.
 */
@RestController
public class AlertController {

    static final String PATH = "/api/connections/{id}/alerts";

    private final ConnectionService connections;
    private final AlertSettings alerts;

    public AlertController(ConnectionService connections, AlertSettings alerts) {
        this.connections = connections;
        this.alerts = alerts;
    }

    @GetMapping(PATH)
    public Map<String, Object> get(@PathVariable String id) {
        connections.get(id);
        return view(alerts.find(id).orElseThrow(() -> none(id)));
    }

    /**
     * Body {@code {"url": "https://...", "secret": "...", "events": ["FAILED", ...], "partialAfter": 3}}; events left
     * out: all four; partialAfter left out: {@code passerelle.alerts.partial-after}.
     */
    @PutMapping(PATH)
    public Map<String, Object> put(@PathVariable String id, @RequestBody JsonNode body) {
        connections.get(id);
        if (!body.isObject()) {
            throw new InvalidParameterException("body", "must be an object: {\"url\": \"https://…\", \"secret\": \"…\","
                    + " \"events\": [\"FAILED\", \"PARTIAL\", \"STALE\", \"RECOVERED\"], \"partialAfter\": 3}");
        }
        String url = url(body.get("url"));
        String secret = secret(body.get("secret"), alerts.find(id));
        List<AlertEvent> events = events(body.get("events"));
        Integer partialAfter = partialAfter(body.get("partialAfter"));
        return view(alerts.save(id, url, secret, events, partialAfter));
    }

    @DeleteMapping(PATH)
    public ResponseEntity<Void> delete(@PathVariable String id) {
        connections.get(id);
        if (!alerts.delete(id)) {
            throw none(id);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping(PATH + "/deliveries")
    public Map<String, List<AlertDeliveryView>> deliveries(@PathVariable String id) {
        connections.get(id);
        return Map.of("items", alerts.deliveries(id));
    }

    private static Map<String, Object> view(AlertSubscription subscription) {
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("url", subscription.url());
        view.put("secret", CredentialMerger.REDACTED);
        view.put("events", subscription.events());
        view.put("partialAfter", subscription.partialAfter());
        view.put("updatedAt", subscription.updatedAt());
        return view;
    }

    private static NoSuchElementException none(String id) {
        return new NoSuchElementException("connection " + id + " has no alerts configured");
    }

    /** An absolute http(s) URL with a host: a webhook, not a file or another scheme. */
    static String url(JsonNode value) {
        String message = "required: the webhook's absolute http or https URL, e.g. https://hooks.example.com/passerelle";
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new InvalidParameterException("url", message);
        }
        String text = value.asText().strip();
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getUserInfo() == null
                    && text.length() <= 2000) {
                return text;
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        throw new InvalidParameterException("url", "must be an absolute http or https URL with a host and no user"
                + " info (at most 2000 characters), e.g. https://hooks.example.com/passerelle");
    }

    private static String secret(JsonNode value, Optional<AlertSubscription> stored) {
        if (value != null && value.isTextual() && CredentialMerger.REDACTED.equals(value.asText())) {
            return stored.map(AlertSubscription::secret).orElseThrow(() -> new InvalidParameterException("secret",
                    "\"****\" keeps the stored secret, and none is stored: give the secret"));
        }
        if (value == null || !value.isTextual() || value.asText().length() < 16 || value.asText().length() > 1000) {
            throw new InvalidParameterException("secret", "required: the text (16 to 1000 characters) the webhook's"
                    + " signatures are made with, or \"****\" to keep the stored one");
        }
        return value.asText();
    }

    private static List<AlertEvent> events(JsonNode value) {
        if (value == null || value.isNull()) {
            return AlertEvent.ALL;
        }
        String message = "must be a list of one or more of FAILED, PARTIAL, STALE, RECOVERED";
        if (!value.isArray() || value.isEmpty()) {
            throw new InvalidParameterException("events", message);
        }
        Set<AlertEvent> events = new LinkedHashSet<>();
        for (JsonNode name : value) {
            events.add((name.isTextual() ? AlertSettings.event(name.asText()) : Optional.<AlertEvent>empty())
                    .orElseThrow(() -> new InvalidParameterException("events", message)));
        }
        return new ArrayList<>(events);
    }

    private static Integer partialAfter(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || value.asLong() < 1 || value.asLong() > 1000) {
            throw new InvalidParameterException("partialAfter", "must be a whole number from 1 to 1000: the PARTIAL"
                    + " runs in a row that make an alert");
        }
        return value.asInt();
    }
}
