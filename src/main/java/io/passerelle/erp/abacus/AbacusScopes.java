package io.passerelle.erp.abacus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Entity API scopes each flow needs (next-erps.md §1). A token is asked for all of them; Abacus grants those the
 * service user holds, so a missing one shows in the token's answer, and the connection test names it with its flow.
 */
final class AbacusScopes {

    /**
     * @param set   the entity set the flow reads or writes
     * @param scope the scope that allows it
     */
    record Need(String set, String scope) {
    }

    static final String EMPLOYEES = "abacus.entity.employee.read";
    static final String PROJECTS = "abacus.entity.project.read";
    /** ServiceCodes are project base data. */
    static final String PROJECT_BASE = "abacus.entity.projectbase.read";
    /** Writing bookings; it also allows reading them back. */
    static final String BOOKINGS_WRITE = "abacus.entity.projectbooking.readwrite";
    static final String BOOKINGS = "ProjectBookings";

    /** Flow → what it needs, in the module's order: the inbound flows, then the hours out. */
    static final Map<String, Need> BY_FLOW;

    static {
        Map<String, Need> byFlow = new LinkedHashMap<>();
        byFlow.put(AbacusModule.EMPLOYEES, new Need("Employees", EMPLOYEES));
        byFlow.put(AbacusModule.PROJECTS, new Need("Projects", PROJECTS));
        byFlow.put(AbacusModule.SERVICE_CODES, new Need("ServiceCodes", PROJECT_BASE));
        byFlow.put(AbacusModule.TIMESHEETS, new Need(BOOKINGS, BOOKINGS_WRITE));
        BY_FLOW = java.util.Collections.unmodifiableMap(byFlow);
    }

    private AbacusScopes() {
    }

    /** The {@code scope} of the token request: every flow's, blank-separated. */
    static String requested() {
        return String.join(" ", BY_FLOW.values().stream().map(Need::scope).toList());
    }

    /** The flows that cannot run with {@code granted}, each with the scope it lacks, in the module's order. */
    static Map<String, String> missing(Set<String> granted) {
        Map<String, String> missing = new LinkedHashMap<>();
        BY_FLOW.forEach((flow, need) -> {
            if (!granted.contains(need.scope())) {
                missing.put(flow, need.scope());
            }
        });
        return missing;
    }

    /** The flow that needs a scope named in {@code words} (Abacus's 403 says "Scope … required"). */
    static Optional<Map.Entry<String, String>> namedIn(String words) {
        if (words == null) {
            return Optional.empty();
        }
        return BY_FLOW.entrySet().stream().filter(e -> words.contains(e.getValue().scope()))
                .map(e -> Map.entry(e.getKey(), e.getValue().scope())).findFirst();
    }

    /** {@code scope abacus.entity.project.read is missing: flow projects needs it}. */
    static String sentence(String flow, String scope) {
        return "scope " + scope + " is missing: flow " + flow + " needs it";
    }
}
