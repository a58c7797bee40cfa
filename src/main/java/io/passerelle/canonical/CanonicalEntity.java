package io.passerelle.canonical;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The canonical tables an inbound flow can write. Each has its SQL in
 * {@code sql/sync/<table>-*.sql} (but an entity with a writer of its own, {@code sync.EntityWriter}); the API names
 * them by {@link #apiName()}.
 */
public enum CanonicalEntity {
    PROJECT("projects", "project", null, "number", "name", "status", "customer"),
    EMPLOYEE("employees", "employee", null, "number", "firstName", "lastName", "email", "tradeCode", "competency"),
    TRADE("trades", "trade", null, "code", "description"),
    ACTIVITY("activities", "activity", PROJECT, "code", "description"),
    EARNING("earnings", "earning_type", null, "code", "description", "kind", "unit"),
    HOUR_TYPE("hourTypes", "hour_type", null, "code", "description"),
    PROJECT_TASK("projectTasks", "project_task", PROJECT, "code", "description", "status"),
    COST_CODE("costCodes", "cost_code", null, "code", "description"),
    /** The company's suppliers: Acumatica's vendors, Avantage's suppliers. */
    VENDOR("vendors", "vendor", null, "code", "name", "legalName", "status", "email", "currency", "phone", "city"),
    CUSTOMER("customers", "customer", null, "code", "name", "status", "email"),
    PROJECT_TEMPLATE("projectTemplates", "project_template", null, "code", "description", "status"),
    /** Company-wide codes hours are booked against (not per project, unlike activities). */
    SERVICE_CODE("serviceCodes", "service_code", null, "code", "description", "status"),
    /**
     * Purchase orders (Avantage's bons de commande), keyed by number, each with its lines; they name their project and
     * supplier by key, and are not attached to them (an order may be read before either).
     */
    PURCHASE_ORDER("purchaseOrders", "purchase_order", null, "number", "supplierCode", "projectNumber", "status"),
    /**
     * The ERP companies a connection reaches (an accounting office's clients), each with its directors, shareholders
     * and auditors: written by {@code company.CompanyWriter} as platform companies (one per real company, whichever
     * connection brings it) and their relations, the connection's view of each in its table.
     */
    COMPANY("companies", "connection_company", null, "number", "name");

    private final String apiName;
    private final String table;
    private final CanonicalEntity parent;
    private final List<String> searchFields;

    CanonicalEntity(String apiName, String table, CanonicalEntity parent, String... searchFields) {
        this.apiName = apiName;
        this.table = table;
        this.parent = parent;
        this.searchFields = List.of(searchFields);
    }

    /**
     * The text fields {@code q} on records searches, named as the mapper's fields (every text column the records
     * API shows, not JSON such as a trade's rates). A child's search text starts with its parent's key.
     */
    public List<String> searchFields() {
        return searchFields;
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
