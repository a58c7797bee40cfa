package io.passerelle.importjob;

import java.util.List;

/**
 * The connection a job names, as its validator needs it: the inbound flows of its ERP and the {@code erpCompanyId} of
 * each company it reaches; or, when it cannot be used ({@code problem}: unknown, archived), why.
 */
record JobConnection(String id, String problem, List<String> flows, List<String> companies) {

    static JobConnection of(String id, List<String> flows, List<String> companies) {
        return new JobConnection(id, null, List.copyOf(flows), List.copyOf(companies));
    }

    static JobConnection unusable(String id, String problem) {
        return new JobConnection(id, problem, List.of(), List.of());
    }

    boolean usable() {
        return problem == null;
    }
}
