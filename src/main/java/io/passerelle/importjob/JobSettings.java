package io.passerelle.importjob;

import java.util.List;

/**
 * What a job runs, as checked by {@link ImportJobValidator}: some flows ({@code all}: every one) of one connection, for
 * some of its companies ({@code companies}: their {@code erpCompanyId}s as the connection lists them; null, every
 * selected one at run time), over a range, on a Quartz schedule (null: by hand only).
 */
public record JobSettings(String name, String connectionId, List<String> companies, List<String> flows, JobRange range,
        String schedule) {

    public JobSettings {
        companies = companies == null ? null : List.copyOf(companies);
        flows = List.copyOf(flows);
    }
}
