package io.passerelle.sandbox.avantage;

import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How big the seeded company is. Trades, earnings, hour types and suppliers are fixed catalogues (a real company
 * has about that many); employees, projects, activities and purchase orders scale.
 */
public record DatasetSizes(
        @DefaultValue("300") int employees,
        @DefaultValue("40") int projects,
        @DefaultValue("8") int minActivitiesPerProject,
        @DefaultValue("20") int maxActivitiesPerProject,
        @DefaultValue("60") int purchaseOrders) {

    static final int DEFAULT_PURCHASE_ORDERS = 60;

    @ConstructorBinding
    public DatasetSizes {
        if (employees < 0 || projects < 0 || purchaseOrders < 0) {
            throw new IllegalArgumentException("sizes must not be negative");
        }
        if (minActivitiesPerProject < 0 || maxActivitiesPerProject < minActivitiesPerProject) {
            throw new IllegalArgumentException("activities per project: need 0 <= min <= max");
        }
    }

    /** The default number of purchase orders, spread over the projects (none without a project to order for). */
    public DatasetSizes(int employees, int projects, int minActivitiesPerProject, int maxActivitiesPerProject) {
        this(employees, projects, minActivitiesPerProject, maxActivitiesPerProject,
                projects == 0 ? 0 : DEFAULT_PURCHASE_ORDERS);
    }

    public static DatasetSizes defaults() {
        return new DatasetSizes(300, 40, 8, 20, DEFAULT_PURCHASE_ORDERS);
    }
}
