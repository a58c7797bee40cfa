package io.passerelle.connection;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A connection's link as the API shows it: its state, and what it links to in its ERP ({@code identity}, e.g. the
 * AmID and the mandant, as the connector names them).
 */
public record ConnectionLink(LinkStatus status, Map<String, Object> identity, String message, Instant checkedAt) {

    static ConnectionLink of(LinkState state, Map<String, Object> identity) {
        // in the ERP's order, and a value may be missing (null)
        return new ConnectionLink(state.status(), Collections.unmodifiableMap(new LinkedHashMap<>(identity)),
                state.message(), state.checkedAt());
    }
}
