package io.passerelle.sandbox.acumatica;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The entities of endpoint Default/24.200.001 that the simulator serves, with their key fields in screen
 * order and the linked or detail entities that come back only when named in {@code $expand}. The field
 * lists of the writable documents are the 24.200.001 models (erp-api-facts.md, Appendix A).
 */
public enum EntityType {
    Project("PX.Objects.PM.ProjectEntry", "Project", null, List.of("ProjectID"), Set.of("ProjectProperties")),
    ProjectTask("PX.Objects.PM.ProjectTaskEntry", "Task", null, List.of("ProjectID", "ProjectTaskID"), Set.of("Properties")),
    ProjectTemplate("PX.Objects.PM.TemplateMaint", "Project", null, List.of("ProjectTemplateID"), Set.of()),
    CostCode("PX.Objects.PM.CostCodeMaint", "Items", null, List.of("CostCodeID"), Set.of()),
    Vendor("PX.Objects.AP.VendorMaint", "BAccount", null, List.of("VendorID"), Set.of("MainContact")),
    Customer("PX.Objects.AR.CustomerMaint", "BAccount", null, List.of("CustomerID"), Set.of("MainContact")),
    Employee("PX.Objects.EP.EmployeeMaint", "Employee", null, List.of("EmployeeID"), Set.of("ContactInfo")),
    Subcontract("PX.Objects.CN.Subcontracts.SC.Graphs.SubcontractEntry", "Document", "Subcontract Line",
            List.of("SubcontractNbr"), Set.of("Details")),
    PurchaseOrder("PX.Objects.PO.POOrderEntry", "Document", "Purchase Order Line", List.of("Type", "OrderNbr"),
            Set.of("Details")),
    Bill("PX.Objects.AP.APInvoiceEntry", "Document", "AP Transactions", List.of("Type", "ReferenceNbr"),
            Set.of("Details"));

    static final Set<String> SYSTEM_FIELDS = Set.of("id", "rowNumber", "note", "custom", "files", "_links", "error",
            "delete");

    private static final Set<String> SUBCONTRACT_FIELDS = Set.of("SubcontractNbr", "Status", "Date", "StartDate",
            "Description", "VendorID", "Location", "Owner", "CurrencyID", "BaseCurrencyID", "CurrencyEffectiveDate",
            "CurrencyRate", "CurrencyRateTypeID", "CurrencyReciprocalRate", "VendorRef", "LineTotal", "DiscountTotal",
            "RetainageTotal", "SubcontractTotal", "TaxTotal", "ControlTotal", "Branch", "Terms", "VendorTaxZone",
            "ApplyRetainage", "RetainagePct", "DoNotEmail", "DoNotPrint", "Emailed", "Printed", "LastModifiedDateTime",
            "Details");
    private static final Set<String> SUBCONTRACT_DETAIL_FIELDS = Set.of("Account", "AlternateID", "Amount", "BranchID",
            "Canceled", "Closed", "Completed", "CostCode", "Description", "DiscountAmount", "DiscountCode",
            "DiscountPct", "DiscountSequence", "ExtendedCost", "InventoryID", "LineDescription", "LineNbr",
            "ManualCost", "ManualDiscount", "OrderNbr", "OrderQty", "OrderType", "PrepaidAmount", "PrepaidQty",
            "Project", "Task", "Requested", "RetainageAmount", "RetainagePct", "StartDate", "Subaccount",
            "TaxCategory", "UnitCost", "UOM");
    private static final Set<String> PO_FIELDS = Set.of("BaseCurrencyID", "Branch", "ControlTotal", "CurrencyID",
            "CurrencyEffectiveDate", "CurrencyRate", "CurrencyRateTypeID", "CurrencyReciprocalRate", "Date",
            "Description", "Details", "Hold", "IsTaxValid", "LastModifiedDateTime", "LineTotal", "Location",
            "OrderNbr", "OrderTotal", "Owner", "Project", "PromisedOn", "Status", "TaxTotal", "Terms", "Type",
            "VendorID", "VendorRef", "VendorTaxZone");
    private static final Set<String> PO_DETAIL_FIELDS = Set.of("Account", "AlternateID", "BranchID",
            "CalculateDiscountsOnImport", "Cancelled", "Completed", "CompleteOn", "CostCode", "Description",
            "ExtendedCost", "InventoryID", "LineDescription", "LineNbr", "LineType", "MaxReceiptPercent",
            "MinReceiptPercent", "OrderNbr", "OrderQty", "OrderedQty", "OrderType", "OrigPONbr", "OrigPOType",
            "Project", "ProjectTask", "Promised", "QtyOnReceipts", "ReceiptAction", "ReceivedAmount", "Requested",
            "Subaccount", "Subitem", "TaxCategory", "UnitCost", "UOM", "WarehouseID");
    private static final Set<String> BILL_FIELDS = Set.of("Amount", "ApprovedForPayment", "Balance", "BranchID",
            "CashAccount", "CurrencyID", "Date", "Description", "Details", "DueDate", "Hold", "LocationID",
            "PostPeriod", "Project", "ReferenceNbr", "Status", "TaxTotal", "Terms", "Type", "Vendor", "VendorRef",
            "IsTaxValid", "LastModifiedDateTime");
    private static final Set<String> BILL_DETAIL_FIELDS = Set.of("Account", "Amount", "Branch",
            "CalculateDiscountsOnImport", "CostCode", "Description", "ExtendedCost", "InventoryID", "LCLineNbr",
            "LCNbr", "LCType", "NonBillable", "POLine", "POOrderNbr", "POOrderType", "POReceiptLine",
            "POReceiptType", "POReceiptNbr", "Project", "ProjectTask", "Qty", "Subaccount", "TaxCategory",
            "TransactionDescription", "UnitCost", "UOM");

    final String graph;
    final String primaryView;
    /** Cache name of the detail lines, as Acumatica names it in "Inserting '…' record raised…"; null: no lines. */
    final String detailCacheName;
    final List<String> keys;
    final Set<String> expandables;

    EntityType(String graph, String primaryView, String detailCacheName, List<String> keys, Set<String> expandables) {
        this.graph = graph;
        this.primaryView = primaryView;
        this.detailCacheName = detailCacheName;
        this.keys = keys;
        this.expandables = expandables;
    }

    public List<String> keys() {
        return keys;
    }

    /** Subcontract, PurchaseOrder and Bill accept PUT; the master data is read-only here. */
    public boolean writable() {
        return detailCacheName != null;
    }

    /** The document's own cache name, for "Inserting '…' record raised at least one error". */
    String cacheName() {
        return switch (this) {
            case PurchaseOrder -> "Purchase Order";
            case Bill -> "Bill";
            default -> name();
        };
    }

    Set<String> headerFields() {
        return switch (this) {
            case Subcontract -> SUBCONTRACT_FIELDS;
            case PurchaseOrder -> PO_FIELDS;
            case Bill -> BILL_FIELDS;
            default -> Set.of();
        };
    }

    Set<String> detailFields() {
        return switch (this) {
            case Subcontract -> SUBCONTRACT_DETAIL_FIELDS;
            case PurchaseOrder -> PO_DETAIL_FIELDS;
            case Bill -> BILL_DETAIL_FIELDS;
            default -> Set.of();
        };
    }

    /** Exact, case-sensitive name, as in the URL. */
    static Optional<EntityType> byName(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }
}
