package io.passerelle.sandbox.avantage;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How big the seeded company is. Trades, earnings and hour types are fixed catalogues (a real company
 * has about that many); employees, projects and activities scale.
 */
public record DatasetSizes(
        @DefaultValue("300") int employees,
        @DefaultValue("40") int projects,
        @DefaultValue("8") int minActivitiesPerProject,
        @DefaultValue("20") int maxActivitiesPerProject) {

    public DatasetSizes {
        if (employees < 0 || projects < 0) {
            throw new IllegalArgumentException("sizes must not be negative");
        }
        if (minActivitiesPerProject < 0 || maxActivitiesPerProject < minActivitiesPerProject) {
            throw new IllegalArgumentException("activities per project: need 0 <= min <= max");
        }
    }

    public static DatasetSizes defaults() {
        return new DatasetSizes(300, 40, 8, 20);
    }
}
