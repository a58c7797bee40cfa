package io.passerelle.run;

/**
 * What a search of the run history across connections keeps: each filter null when not set; {@code trigger} a
 * {@link Trigger} name, {@code companyId} the platform company a run imported.
 */
public record RunFilter(String connectionId, String flow, String status, String trigger, Long companyId) {

    public static final RunFilter NONE = new RunFilter(null, null, null, null, null);
}
