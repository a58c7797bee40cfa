package io.passerelle.sync;

import java.util.Arrays;
import java.util.Optional;

/**
 * The canonical tables an inbound flow can write. Each has its SQL in
 * {@code sql/sync/<table>-*.sql}; the API names them by {@link #apiName()}.
 */
public enum CanonicalEntity {
    PROJECT("projects", "project", null),
    EMPLOYEE("employees", "employee", null),
    TRADE("trades", "trade", null),
    ACTIVITY("activities", "activity", PROJECT),
    EARNING("earnings", "earning_type", null),
    HOUR_TYPE("hourTypes", "hour_type", null),
    PROJECT_TASK("projectTasks", "project_task", PROJECT),
    COST_CODE("costCodes", "cost_code", null),
    VENDOR("vendors", "vendor", null),
    CUSTOMER("customers", "customer", null),
    PROJECT_TEMPLATE("projectTemplates", "project_template", null);

    private final String apiName;
    private final String table;
    private final CanonicalEntity parent;

    CanonicalEntity(String apiName, String table, CanonicalEntity parent) {
        this.apiName = apiName;
        this.table = table;
        this.parent = parent;
    }

    public String apiName() {
        return apiName;
    }

    public String table() {
        return table;
    }

    /** The entity a record of this one must be attached to (activities belong to a project). */
    public CanonicalEntity parent() {
        return parent;
    }

    public String sqlFile(String operation) {
        return "sql/sync/" + table + "-" + operation + ".sql";
    }

    public static Optional<CanonicalEntity> byApiName(String apiName) {
        return Arrays.stream(values()).filter(e -> e.apiName.equals(apiName)).findFirst();
    }
}
