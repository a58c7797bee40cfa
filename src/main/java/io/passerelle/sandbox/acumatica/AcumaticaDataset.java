package io.passerelle.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.sandbox.kit.ErrorAnswer;
import io.passerelle.sandbox.kit.Fixtures;
import io.passerelle.sandbox.kit.JsonTable;
import io.passerelle.sandbox.kit.ModificationClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The tenant's records, stored as Acumatica answers them (every field wrapped in {@code {"value": …}}),
 * kept per entity in key order so that {@code $top}/{@code $skip} pages are stable. Keys compare as SQL
 * Server does with its default collation: case-insensitive, trailing spaces ignored. Seeded with a
 * Laurentian general contractor ("Bâtiments Laurentides inc."), the same for the same seed.
 */
public final class AcumaticaDataset {

    static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");
    /** The trap: a vendor id with odd casing, which key lookups must still find as Acumatica does. */
    public static final String ODD_CASE_VENDOR = "DeMontigny";

    private final long seed;
    private final Clock clock;
    private final Map<EntityType, JsonTable<String>> tables = new EnumMap<>(EntityType.class);
    private final Map<EntityType, Integer> lastNumber = new EnumMap<>(EntityType.class);
    private final ModificationClock stamps;
    private long idCounter;

    public AcumaticaDataset(long seed, Clock clock) {
        this.seed = seed;
        this.clock = clock;
        this.stamps = new ModificationClock(clock);
        for (EntityType t : EntityType.values()) {
            tables.put(t, new JsonTable<>(r -> normalisedKey(keyValues(t, r)), r -> r.get("id").asText()));
        }
        new Seeder(new Random(seed)).seed();
    }

    // ---- reading --------------------------------------------------------------------------------------

    /** Records of an entity in key order, stored form (callers copy before changing). */
    synchronized List<ObjectNode> list(EntityType type, ODataQuery filter) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode r : tables.get(type).values()) {
            if (filter.matches(r)) {
                out.add(r.deepCopy());
            }
        }
        return out;
    }

    synchronized Optional<ObjectNode> byKeys(EntityType type, List<String> keys) {
        if (keys.size() == 1 && isGuid(keys.get(0))) {
            ObjectNode r = tables.get(type).byId(keys.get(0).toLowerCase(Locale.ROOT));
            if (r != null) {
                return Optional.of(r.deepCopy());
            }
        }
        if (keys.size() != type.keys.size()) {
            return Optional.empty();
        }
        ObjectNode r = tables.get(type).get(normalisedKey(keys));
        return Optional.ofNullable(r == null ? null : r.deepCopy());
    }

    /** Every record of the entity with its details and linked entities, for tests. */
    public synchronized List<ObjectNode> documents(EntityType type) {
        return tables.get(type).values().stream().map(ObjectNode::deepCopy).toList();
    }

    public synchronized int count(EntityType type) {
        return tables.get(type).size();
    }

    public synchronized Map<String, Integer> counts() {
        Map<String, Integer> out = new LinkedHashMap<>();
        tables.forEach((t, rows) -> out.put(t.name(), rows.size()));
        return out;
    }

    /** True when the field exists on some record of the entity: $filter on an unknown field is refused. */
    synchronized boolean knowsField(EntityType type, String field) {
        if (type.headerFields().contains(field)) {
            return true;
        }
        for (ObjectNode r : tables.get(type).values()) {
            if (r.has(field)) {
                return true;
            }
        }
        return false;
    }

    // ---- test hooks -----------------------------------------------------------------------------------

    /**
     * Changes the first {@code n} records of the entity in key order: their description (or name) gains a
     * revision mark and LastModifiedDateTime moves to now. Answers the key values touched.
     */
    public synchronized List<String> touch(EntityType type, int n) {
        List<String> touched = new ArrayList<>();
        String field = switch (type) {
            case Vendor -> "VendorName";
            case Customer -> "CustomerName";
            case Employee -> "EmployeeName";
            default -> "Description";
        };
        for (ObjectNode r : tables.get(type).values()) {
            if (touched.size() >= n) {
                break;
            }
            String text = r.path(field).path("value").asText("");
            int mark = text.lastIndexOf(" (rev. ");
            int rev = 1;
            if (mark >= 0 && text.endsWith(")")) {
                rev = Integer.parseInt(text.substring(mark + 7, text.length() - 1)) + 1;
                text = text.substring(0, mark);
            }
            r.set(field, wrap(text + " (rev. " + rev + ")"));
            stamp(r);
            touched.add(String.join("/", keyValues(type, r)));
        }
        return touched;
    }

    public synchronized ObjectNode addVendor(String vendorId, String name) {
        return insertSeeded(EntityType.Vendor, vendor(vendorId, name, "SUBCONTR", now()));
    }

    public synchronized ObjectNode addCustomer(String customerId, String name) {
        return insertSeeded(EntityType.Customer, customer(customerId, name, now()));
    }

    public synchronized ObjectNode addCostCode(String costCodeId, String description) {
        return insertSeeded(EntityType.CostCode, costCode(costCodeId, description, now()));
    }

    public synchronized ObjectNode addProject(String projectId, String description, String customerId) {
        ObjectNode p = project(projectId, description, customerId, "RESIDENTIAL", "Active", now());
        insertSeeded(EntityType.Project, p);
        insertSeeded(EntityType.ProjectTask, task(projectId, "0000", "Default task", true, now()));
        return p.deepCopy();
    }

    public synchronized ObjectNode addProjectTask(String projectId, String taskId, String description) {
        return insertSeeded(EntityType.ProjectTask, task(projectId, taskId, description, false, now()));
    }

    public synchronized ObjectNode addEmployee(String employeeId, String first, String last) {
        return insertSeeded(EntityType.Employee, employee(employeeId, first, last, now()));
    }

    // ---- writing --------------------------------------------------------------------------------------

    enum Mode { UPSERT, INSERT, UPDATE }

    /** A saved document, and whether the PUT created it. */
    record Saved(ObjectNode record, boolean created) {
    }

    /**
     * Create or update a document from a PUT body, as Acumatica does: located by {@code id} or by its key
     * fields; a missing or {@code <NEW>} key creates with the next number. Throws 412 when the
     * If-None-Match/If-Match precondition fails, 422 with the entity echoed when a field is wrong.
     */
    synchronized Saved put(EntityType type, ObjectNode body, Mode mode) {
        checkShape(type, body);
        ObjectNode existing = locate(type, body);
        if (mode == Mode.INSERT && existing != null) {
            throw new ErrorAnswer(412, AcumaticaErrors.body("Precondition failed.",
                    "A record with the same key already exists: If-None-Match: * forbids an update.",
                    "PX.Api.ContractBased.EntityAlreadyExistsException"));
        }
        if (mode == Mode.UPDATE && existing == null) {
            throw new ErrorAnswer(412, AcumaticaErrors.body("Precondition failed.",
                    "No entity satisfies the condition: If-Match: * forbids an insert.",
                    "PX.Api.ContractBased.NoEntitySatisfiesTheConditionException"));
        }
        boolean created = existing == null;
        ObjectNode doc = created ? newDocument(type) : existing.deepCopy();
        merge(type, doc, body, created);
        boolean valid = validate(type, doc);
        if (!valid) {
            String verb = created ? "Inserting " : "Updating ";
            String cache = headerHasError(type, doc) ? type.cacheName() : type.detailCacheName;
            doc.put("error", verb + " '" + cache + "' record raised at least one error. Please review the errors.");
            if (created) {
                for (String key : type.keys) {
                    if (isAutoNumbered(type, key) && blankOrNew(doc.path(key).path("value").asText(null))) {
                        doc.set(key, wrap("<NEW>"));
                    }
                }
            }
            throw new ErrorAnswer(422, doc);
        }
        compute(type, doc, created);
        stamp(doc);
        if (!created) {
            tables.get(type).remove(normalisedKey(keyValues(type, existing)));
        }
        tables.get(type).put(doc);
        return new Saved(doc.deepCopy(), created);
    }

    private void checkShape(EntityType type, ObjectNode body) {
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            if (EntityType.SYSTEM_FIELDS.contains(name)) {
                continue;
            }
            if (!type.headerFields().contains(name)) {
                throw AcumaticaErrors.invalidEntity("The field '" + name + "' does not exist in entity '" + type.name()
                        + "' of endpoint Default/" + AcumaticaSimulator.ENDPOINT_VERSION + ".");
            }
            if (name.equals("Details")) {
                if (!e.getValue().isArray()) {
                    throw AcumaticaErrors.invalidEntity("'Details' must be an array of detail entities.");
                }
                for (JsonNode row : e.getValue()) {
                    if (!row.isObject()) {
                        throw AcumaticaErrors.invalidEntity("Each element of 'Details' must be an entity object.");
                    }
                    for (Iterator<Map.Entry<String, JsonNode>> rf = row.fields(); rf.hasNext(); ) {
                        Map.Entry<String, JsonNode> f = rf.next();
                        if (EntityType.SYSTEM_FIELDS.contains(f.getKey())) {
                            continue;
                        }
                        if (!type.detailFields().contains(f.getKey())) {
                            throw AcumaticaErrors.invalidEntity("The field '" + f.getKey() + "' does not exist in the detail entity of '"
                                    + type.name() + "'.");
                        }
                        checkWrapped(f.getKey(), f.getValue());
                    }
                }
            } else {
                checkWrapped(name, e.getValue());
            }
        }
    }

    private static void checkWrapped(String name, JsonNode value) {
        if (!value.isObject() || (value.size() > 0 && !value.has("value"))) {
            throw AcumaticaErrors.invalidEntity("The value of field '" + name + "' must be wrapped: {\"value\": …}.");
        }
    }

    private ObjectNode locate(EntityType type, ObjectNode body) {
        JsonNode id = body.get("id");
        if (id != null && !id.isNull() && !id.asText().isBlank()) {
            ObjectNode r = tables.get(type).byId(id.asText().toLowerCase(Locale.ROOT));
            if (r == null) {
                throw AcumaticaErrors.noEntity("No " + type.name() + " has id " + id.asText() + ".");
            }
            return r;
        }
        List<String> keys = new ArrayList<>();
        for (String key : type.keys) {
            String v = body.path(key).path("value").asText(null);
            if (v == null && key.equals("Type")) {
                v = defaultType(type);
            }
            if (blankOrNew(v)) {
                return null;
            }
            keys.add(v);
        }
        return tables.get(type).get(normalisedKey(keys));
    }

    private ObjectNode newDocument(EntityType type) {
        ObjectNode doc = F.objectNode();
        doc.put("id", newId());
        doc.set("note", wrap(""));
        doc.set("custom", F.objectNode());
        doc.set("Details", F.arrayNode());
        return doc;
    }

    /** Copies the body's fields into the document; details match by id, then LineNbr, else are added. */
    private void merge(EntityType type, ObjectNode doc, ObjectNode body, boolean created) {
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            if (name.equals("note") && e.getValue().isObject()) {
                doc.set("note", e.getValue().deepCopy());
            }
            if (EntityType.SYSTEM_FIELDS.contains(name) || name.equals("Details")) {
                continue;
            }
            if (!created && type.keys.contains(name)) {
                continue; // keys of an existing record do not change
            }
            doc.set(name, e.getValue().deepCopy());
        }
        JsonNode details = body.get("Details");
        if (details == null) {
            return;
        }
        ArrayNode lines = (ArrayNode) doc.get("Details");
        for (JsonNode row : details) {
            ObjectNode target = findLine(lines, row);
            if (row.path("delete").asBoolean(false)) {
                if (target != null) {
                    for (int i = 0; i < lines.size(); i++) {
                        if (lines.get(i) == target) {
                            lines.remove(i);
                            break;
                        }
                    }
                }
                continue;
            }
            if (target == null) {
                target = F.objectNode();
                target.put("id", newId());
                target.set("note", wrap(""));
                target.set("custom", F.objectNode());
                lines.add(target);
            }
            for (Iterator<Map.Entry<String, JsonNode>> rf = row.fields(); rf.hasNext(); ) {
                Map.Entry<String, JsonNode> f = rf.next();
                if (f.getKey().equals("note") && f.getValue().isObject()) {
                    target.set("note", f.getValue().deepCopy());
                }
                if (!EntityType.SYSTEM_FIELDS.contains(f.getKey())) {
                    target.set(f.getKey(), f.getValue().deepCopy());
                }
            }
        }
    }

    private static ObjectNode findLine(ArrayNode lines, JsonNode row) {
        String id = row.path("id").asText(null);
        String lineNbr = row.path("LineNbr").path("value").asText(null);
        for (JsonNode line : lines) {
            if (id != null && id.equalsIgnoreCase(line.path("id").asText())) {
                return (ObjectNode) line;
            }
        }
        if (lineNbr != null) {
            for (JsonNode line : lines) {
                if (lineNbr.equals(line.path("LineNbr").path("value").asText())) {
                    return (ObjectNode) line;
                }
            }
        }
        return null;
    }

    /** Marks bad fields with {@code error}; answers whether the document may be saved. */
    private boolean validate(EntityType type, ObjectNode doc) {
        boolean ok = true;
        String vendorField = type == EntityType.Bill ? "Vendor" : "VendorID";
        ok &= canonical(doc, vendorField, "Vendor", EntityType.Vendor, true);
        if (type == EntityType.PurchaseOrder) {
            ok &= oneOf(doc, "Type", List.of("Normal", "Drop-Ship", "Blanket", "Standard", "Project Drop-Ship"));
        }
        if (type == EntityType.Bill) {
            ok &= oneOf(doc, "Type", List.of("Bill", "Debit Adj.", "Credit Adj.", "Prepayment"));
        }
        if (doc.has("Project")) {
            ok &= project(doc, "Project");
        }
        ok &= dates(doc, List.of("Date", "StartDate", "DueDate", "PromisedOn"));
        ok &= nonNegative(doc, List.of("ControlTotal", "RetainagePct"));
        String taskField = type == EntityType.Subcontract ? "Task" : "ProjectTask";
        List<String> amounts = switch (type) {
            case Bill -> List.of("Qty", "UnitCost", "ExtendedCost", "Amount");
            case Subcontract -> List.of("OrderQty", "UnitCost", "ExtendedCost", "Amount", "RetainagePct");
            default -> List.of("OrderQty", "UnitCost", "ExtendedCost");
        };
        for (JsonNode l : doc.get("Details")) {
            ObjectNode line = (ObjectNode) l;
            boolean projectOk = !line.has("Project") || project(line, "Project");
            ok &= projectOk;
            if (line.has(taskField) && !text(line, taskField).isEmpty()) {
                String project = text(line, "Project");
                if (project.isEmpty() || !projectOk) {
                    if (project.isEmpty()) {
                        fieldError(line, taskField, "'Project Task' cannot be used without a project.");
                        ok = false;
                    }
                } else if (project.equalsIgnoreCase("X")) {
                    fieldError(line, taskField, "'Project Task' must be empty for the non-project code.");
                    ok = false;
                } else {
                    Optional<ObjectNode> task = lookup(EntityType.ProjectTask, List.of(project, text(line, taskField)));
                    if (task.isEmpty()) {
                        fieldError(line, taskField, "Project Task '" + text(line, taskField)
                                + "' cannot be found in the system.");
                        ok = false;
                    } else {
                        line.set(taskField, wrap(task.get().path("ProjectTaskID").path("value").asText()));
                    }
                }
            }
            ok &= canonical(line, "CostCode", "Cost Code", EntityType.CostCode, false);
            ok &= nonNegative(line, amounts);
        }
        return ok;
    }

    private static boolean headerHasError(EntityType type, ObjectNode doc) {
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isObject() && e.getValue().has("error")) {
                return true;
            }
        }
        return false;
    }

    private boolean project(ObjectNode node, String field) {
        String v = text(node, field);
        if (v.isEmpty() || v.equalsIgnoreCase("X")) {
            return true; // X: Acumatica's non-project code
        }
        Optional<ObjectNode> p = lookup(EntityType.Project, List.of(v));
        if (p.isEmpty()) {
            fieldError(node, field, "Project '" + v + "' cannot be found in the system.");
            return false;
        }
        node.set(field, wrap(p.get().path("ProjectID").path("value").asText()));
        return true;
    }

    /** Looks the value up as a key of {@code target}; rewrites it to the stored spelling as Acumatica does. */
    private boolean canonical(ObjectNode node, String field, String label, EntityType target, boolean required) {
        String v = text(node, field);
        if (v.isEmpty()) {
            if (required) {
                fieldError(node, field, "'" + label + "' cannot be empty.");
                return false;
            }
            return true;
        }
        Optional<ObjectNode> found = lookup(target, List.of(v));
        if (found.isEmpty()) {
            fieldError(node, field, label + " '" + v + "' cannot be found in the system.");
            return false;
        }
        node.set(field, wrap(found.get().path(target.keys.get(0)).path("value").asText()));
        return true;
    }

    private boolean oneOf(ObjectNode doc, String field, List<String> allowed) {
        String v = text(doc, field);
        if (v.isEmpty() || allowed.contains(v)) {
            return true;
        }
        fieldError(doc, field, "The value '" + v + "' is not in the list of allowed values: "
                + String.join(", ", allowed) + ".");
        return false;
    }

    private static boolean dates(ObjectNode node, List<String> fields) {
        boolean ok = true;
        for (String f : fields) {
            String v = text(node, f);
            if (v.isEmpty()) {
                continue;
            }
            Optional<String> d = normaliseDate(v);
            if (d.isEmpty()) {
                fieldError(node, f, "The value '" + v + "' cannot be converted to a date.");
                ok = false;
            } else {
                node.set(f, wrap(d.get()));
            }
        }
        return ok;
    }

    private static boolean nonNegative(ObjectNode node, List<String> fields) {
        boolean ok = true;
        for (String f : fields) {
            JsonNode value = node.path(f).path("value");
            if (value.isMissingNode() || value.isNull()) {
                continue;
            }
            BigDecimal n = decimal(value);
            if (n == null) {
                fieldError(node, f, "The value '" + value.asText() + "' cannot be converted to a decimal.");
                ok = false;
            } else if (n.signum() < 0) {
                fieldError(node, f, "'" + label(f) + "' cannot be less than 0.");
                ok = false;
            } else {
                node.set(f, wrap(n)); // requests may carry numbers as strings; answers carry numbers
            }
        }
        return ok;
    }

    private static String label(String field) {
        return field.replaceAll("([a-z])([A-Z])", "$1 $2");
    }

    /** Fills what Acumatica computes: numbers, line numbers, extended costs, totals, status, defaults. */
    private void compute(EntityType type, ObjectNode doc, boolean created) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (created) {
            String numberKey = type.keys.get(type.keys.size() - 1);
            if (blankOrNew(text(doc, numberKey))) {
                doc.set(numberKey, wrap(nextNumber(type)));
            }
            if (type.keys.contains("Type") && text(doc, "Type").isEmpty()) {
                doc.set("Type", wrap(defaultType(type)));
            }
            if (text(doc, "Date").isEmpty()) {
                doc.set("Date", wrap(dateValue(today)));
            }
            doc.putIfAbsent("CurrencyID", wrap("CAD"));
            if (type == EntityType.Bill) {
                doc.putIfAbsent("Hold", wrap(true)); // "Hold documents on entry" is on in this tenant
                doc.putIfAbsent("BranchID", wrap("LAURENT"));
                doc.putIfAbsent("LocationID", wrap("MAIN"));
                doc.putIfAbsent("Terms", wrap("30D"));
                doc.putIfAbsent("ApprovedForPayment", wrap(false));
                LocalDate date = LocalDate.parse(text(doc, "Date").substring(0, 10));
                doc.putIfAbsent("DueDate", wrap(dateValue(date.plusDays(30))));
                doc.putIfAbsent("PostPeriod", wrap(String.format("%02d%d", date.getMonthValue(), date.getYear())));
            } else {
                doc.putIfAbsent("Branch", wrap("LAURENT"));
                doc.putIfAbsent("Location", wrap("MAIN"));
                doc.putIfAbsent("Terms", wrap("30D"));
                if (type == EntityType.PurchaseOrder) {
                    doc.putIfAbsent("Hold", wrap(true));
                }
            }
        }
        String qtyField = type == EntityType.Bill ? "Qty" : "OrderQty";
        BigDecimal total = BigDecimal.ZERO;
        int lineNbr = 0;
        for (JsonNode l : doc.get("Details")) {
            lineNbr = Math.max(lineNbr, l.path("LineNbr").path("value").asInt(0));
        }
        for (JsonNode l : doc.get("Details")) {
            ObjectNode line = (ObjectNode) l;
            if (type != EntityType.Bill && !line.path("LineNbr").has("value")) {
                line.set("LineNbr", wrap(++lineNbr));
            }
            BigDecimal qty = decimalOr(line, qtyField, BigDecimal.ONE);
            line.set(qtyField, wrap(qty));
            BigDecimal unitCost = decimalOr(line, "UnitCost", null);
            BigDecimal extended = decimalOr(line, "ExtendedCost", null);
            if (extended == null) {
                extended = unitCost == null ? BigDecimal.ZERO : qty.multiply(unitCost).setScale(2, RoundingMode.HALF_UP);
            }
            if (unitCost == null) {
                unitCost = qty.signum() == 0 ? BigDecimal.ZERO : extended.divide(qty, 4, RoundingMode.HALF_UP);
            }
            line.set("UnitCost", wrap(unitCost));
            line.set("ExtendedCost", wrap(extended));
            BigDecimal amount = extended;
            if (type != EntityType.PurchaseOrder) {
                amount = decimalOr(line, "Amount", extended);
                line.set("Amount", wrap(amount));
            }
            total = total.add(amount);
        }
        switch (type) {
            case Subcontract -> {
                doc.set("LineTotal", wrap(total));
                doc.set("SubcontractTotal", wrap(total));
                doc.set("TaxTotal", wrap(BigDecimal.ZERO));
                doc.set("RetainageTotal", wrap(BigDecimal.ZERO));
                doc.putIfAbsent("Status", wrap("On Hold"));
            }
            case PurchaseOrder -> {
                doc.set("LineTotal", wrap(total));
                doc.set("OrderTotal", wrap(total));
                doc.set("TaxTotal", wrap(BigDecimal.ZERO));
                doc.set("Status", wrap(doc.path("Hold").path("value").asBoolean(false) ? "On Hold" : "Open"));
            }
            case Bill -> {
                doc.set("Amount", wrap(total));
                doc.set("Balance", wrap(total));
                doc.set("TaxTotal", wrap(BigDecimal.ZERO));
                doc.set("Status", wrap(doc.path("Hold").path("value").asBoolean(false) ? "On Hold" : "Balanced"));
            }
            default -> { }
        }
    }

    private String nextNumber(EntityType type) {
        int n = lastNumber.merge(type, 1, Integer::sum);
        while (true) {
            String candidate = switch (type) {
                case Subcontract -> String.format("SC%06d", n);
                case PurchaseOrder -> String.format("PO%06d", n);
                default -> String.format("%06d", n);
            };
            List<String> keys = type.keys.size() == 1 ? List.of(candidate)
                    : List.of(defaultType(type), candidate);
            if (!tables.get(type).containsKey(normalisedKey(keys))) {
                return candidate;
            }
            n = lastNumber.merge(type, 1, Integer::sum);
        }
    }

    private static String defaultType(EntityType type) {
        return type == EntityType.PurchaseOrder ? "Normal" : type == EntityType.Bill ? "Bill" : null;
    }

    private static boolean isAutoNumbered(EntityType type, String key) {
        return !key.equals("Type");
    }

    // ---- helpers --------------------------------------------------------------------------------------

    private Optional<ObjectNode> lookup(EntityType type, List<String> keys) {
        return Optional.ofNullable(tables.get(type).get(normalisedKey(keys)));
    }

    static String normalisedKey(List<String> keys) {
        StringBuilder b = new StringBuilder();
        for (String k : keys) {
            if (b.length() > 0) {
                b.append('\u001f');
            }
            b.append(k.stripTrailing().toUpperCase(Locale.ROOT));
        }
        return b.toString();
    }

    static List<String> keyValues(EntityType type, ObjectNode r) {
        return type.keys.stream().map(k -> r.path(k).path("value").asText("")).toList();
    }

    private static boolean blankOrNew(String v) {
        return v == null || v.isBlank() || v.equals("<NEW>");
    }

    private static String text(ObjectNode node, String field) {
        JsonNode v = node.path(field).path("value");
        return v.isMissingNode() || v.isNull() ? "" : v.asText();
    }

    private static void fieldError(ObjectNode node, String field, String message) {
        JsonNode f = node.get(field);
        ObjectNode target = f instanceof ObjectNode o ? o : F.objectNode();
        target.put("error", message);
        node.set(field, target);
    }

    static BigDecimal decimal(JsonNode v) {
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static BigDecimal decimalOr(ObjectNode node, String field, BigDecimal fallback) {
        JsonNode v = node.path(field).path("value");
        if (v.isMissingNode() || v.isNull()) {
            return fallback;
        }
        BigDecimal d = decimal(v);
        return d == null ? fallback : d;
    }

    private static Optional<String> normaliseDate(String v) {
        try {
            if (v.length() == 10) {
                return Optional.of(dateValue(LocalDate.parse(v)));
            }
            OffsetDateTime t = OffsetDateTime.parse(v);
            return Optional.of(dateValue(t.toLocalDate()));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(dateValue(java.time.LocalDateTime.parse(v).toLocalDate()));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    static String dateValue(LocalDate d) {
        return d + "T00:00:00+00:00";
    }

    static ObjectNode wrap(Object v) {
        ObjectNode n = F.objectNode();
        if (v == null) {
            return n;
        }
        if (v instanceof String s) {
            n.put("value", s);
        } else if (v instanceof Boolean b) {
            n.put("value", b);
        } else if (v instanceof Integer i) {
            n.put("value", i);
        } else if (v instanceof BigDecimal d) {
            n.put("value", d);
        } else if (v instanceof Double d) {
            n.put("value", BigDecimal.valueOf(d));
        } else {
            throw new IllegalArgumentException("cannot wrap " + v.getClass());
        }
        return n;
    }


    private static boolean isGuid(String s) {
        return s.length() == 36 && s.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    }

    private String newId() {
        return UUID.nameUUIDFromBytes((seed + ":" + (++idCounter)).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private Instant now() {
        return clock.instant();
    }

    /** LastModifiedDateTime never goes backwards, so a change always sorts after what a client has read. */
    private void stamp(ObjectNode r) {
        r.set("LastModifiedDateTime", wrap(stampValue(stamps.nextInstant())));
    }

    static String stampValue(Instant t) {
        return STAMP.format(t.atOffset(ZoneOffset.UTC));
    }

    private ObjectNode insertSeeded(EntityType type, ObjectNode r) {
        String key = normalisedKey(keyValues(type, r));
        if (tables.get(type).containsKey(key)) {
            throw new IllegalArgumentException(type + " " + key + " exists already");
        }
        if (!r.has("id")) {
            r.put("id", newId());
        }
        r.putIfAbsent("note", wrap(""));
        r.putIfAbsent("custom", F.objectNode());
        stamp(r);
        tables.get(type).put(r);
        return r.deepCopy();
    }

    // ---- record builders ------------------------------------------------------------------------------

    private static ObjectNode vendor(String id, String name, String vendorClass, Instant created) {
        ObjectNode v = F.objectNode();
        v.set("VendorID", wrap(id));
        v.set("VendorName", wrap(name));
        v.set("LegalName", wrap(name));
        v.set("VendorClass", wrap(vendorClass));
        v.set("Status", wrap("Active"));
        v.set("Terms", wrap("30D"));
        v.set("CurrencyID", wrap("CAD"));
        v.set("PaymentMethod", wrap("CHECK"));
        v.set("VendorIsLaborUnion", wrap(false));
        v.set("VendorIsTaxAgency", wrap(false));
        v.set("CreatedDateTime", wrap(stampValue(created)));
        ObjectNode contact = linked("contact:" + id);
        contact.set("Email", wrap(slug(id) + "@example.ca"));
        contact.set("Phone1", wrap("450-555-" + String.format("%04d", Math.abs(id.hashCode()) % 10000)));
        contact.set("DisplayName", wrap(name));
        contact.set("custom", F.objectNode());
        v.set("MainContact", contact);
        return v;
    }

    /** A linked entity (MainContact, ContactInfo): its own stable id, row 1 and a note come first. */
    private static ObjectNode linked(String idSeed) {
        ObjectNode n = F.objectNode();
        n.put("id", UUID.nameUUIDFromBytes(idSeed.getBytes(StandardCharsets.UTF_8)).toString());
        n.put("rowNumber", 1);
        n.set("note", wrap(""));
        return n;
    }

    private static ObjectNode customer(String id, String name, Instant created) {
        ObjectNode c = F.objectNode();
        c.set("CustomerID", wrap(id));
        c.set("CustomerName", wrap(name));
        c.set("CustomerClass", wrap("DEFAULT"));
        c.set("Status", wrap("Active"));
        c.set("Terms", wrap("30D"));
        c.set("CurrencyID", wrap("CAD"));
        c.set("CreditLimit", wrap(new BigDecimal("250000.00")));
        c.set("Email", wrap(slug(id) + "@example.ca"));
        c.set("CreatedDateTime", wrap(stampValue(created)));
        ObjectNode contact = linked("ccontact:" + id);
        contact.set("Email", wrap(slug(id) + "@example.ca"));
        contact.set("DisplayName", wrap(name));
        contact.set("custom", F.objectNode());
        c.set("MainContact", contact);
        return c;
    }

    private static ObjectNode costCode(String id, String description, Instant created) {
        ObjectNode c = F.objectNode();
        c.set("CostCodeID", wrap(id));
        c.set("Description", wrap(description));
        return c;
    }

    private static ObjectNode project(String id, String description, String customer, String template, String status,
                                      Instant created) {
        ObjectNode p = F.objectNode();
        p.set("ProjectID", wrap(id));
        p.set("Description", wrap(description));
        p.set("Customer", wrap(customer));
        p.set("ProjectTemplateID", wrap(template));
        p.set("Status", wrap(status));
        p.set("Hold", wrap(status.equals("On Hold")));
        p.set("ExternalRefNbr", F.objectNode());
        ObjectNode props = F.objectNode();
        props.set("StartDate", wrap(dateValue(LocalDate.ofInstant(created, ZoneOffset.UTC))));
        props.set("ProjectCurrency", wrap("CAD"));
        props.set("CostBudgetLevel", wrap("Task and Cost Code"));
        props.set("RevenueBudgetLevel", wrap("Task"));
        props.set("custom", F.objectNode());
        p.set("ProjectProperties", props);
        return p;
    }

    private static ObjectNode task(String project, String taskId, String description, boolean isDefault,
                                   Instant created) {
        ObjectNode t = F.objectNode();
        t.set("ProjectID", wrap(project));
        t.set("ProjectTaskID", wrap(taskId));
        t.set("Description", wrap(description));
        t.set("Default", wrap(isDefault));
        t.set("Status", wrap("Active"));
        ObjectNode props = F.objectNode();
        props.set("CompletionMethod", wrap("Percent"));
        props.set("Completed", wrap(BigDecimal.ZERO));
        props.set("custom", F.objectNode());
        t.set("Properties", props);
        return t;
    }

    private static ObjectNode employee(String id, String first, String last, Instant created) {
        ObjectNode e = F.objectNode();
        e.set("EmployeeID", wrap(id));
        e.set("EmployeeName", wrap(first + " " + last));
        e.set("Status", wrap("Active"));
        ObjectNode contact = linked("econtact:" + id);
        contact.set("FirstName", wrap(first));
        contact.set("LastName", wrap(last));
        contact.set("Email", wrap(slug(first) + "." + slug(last) + "@batiments-laurentides.example"));
        contact.set("custom", F.objectNode());
        e.set("ContactInfo", contact);
        return e;
    }

    private static String slug(String s) {
        String ascii = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
    }

    /** What the tenant is made of, from {@code sandbox/acumatica/*.json}: a general contractor of the Laurentides. */
    private static final class SeedFixtures {
        private static final String ERP = "acumatica";
        /** Cost codes in the MasterFormat style, segmented {@code 99-999}. */
        static final List<ObjectNode> COST_CODES = Fixtures.items(ERP, "cost-codes");
        static final List<ObjectNode> TEMPLATES = Fixtures.items(ERP, "project-templates");
        /** Project tasks after the default task {@code 0000}. */
        static final List<ObjectNode> PHASES = Fixtures.items(ERP, "project-phases");
        /** Name and class; the id is derived from the name unless the fixture gives it. */
        static final List<ObjectNode> VENDORS = Fixtures.items(ERP, "vendors");
        static final List<ObjectNode> CUSTOMERS = Fixtures.items(ERP, "customers");
        static final List<String> FIRST_NAMES = strings("employee-names", "firstNames");
        static final List<String> LAST_NAMES = strings("employee-names", "lastNames");
        static final List<String> PROJECT_KINDS = strings("project-names", "kinds");
        static final List<String> TOWNS = strings("project-names", "towns");

        private static List<String> strings(String fixture, String field) {
            List<String> out = new ArrayList<>();
            Fixtures.load(ERP, fixture).path(field).forEach(n -> out.add(n.asText()));
            return List.copyOf(out);
        }
    }

    /** Builds the seeded tenant. Everything draws from one Random, in a fixed order. */
    private final class Seeder {
        private final Random random;
        private Instant cursor = Instant.parse("2024-03-04T13:15:00Z");

        Seeder(Random random) {
            this.random = random;
        }

        /** Seeded stamps lie in the past and increase, as a tenant's history would. */
        private Instant nextStamp() {
            cursor = cursor.plusSeconds(60 + random.nextInt(36_000)).plusMillis(random.nextInt(1000));
            return cursor;
        }

        private void put(EntityType type, ObjectNode r) {
            Instant t = nextStamp();
            r.put("id", newId());
            r.putIfAbsent("note", wrap(""));
            r.putIfAbsent("custom", F.objectNode());
            r.set("LastModifiedDateTime", wrap(stampValue(t)));
            stamps.observe(t.toEpochMilli());
            tables.get(type).put(r);
        }

        void seed() {
            for (ObjectNode c : SeedFixtures.COST_CODES) {
                put(EntityType.CostCode, costCode(c.path("CostCodeID").asText(), c.path("Description").asText(), cursor));
            }
            for (ObjectNode t : SeedFixtures.TEMPLATES) {
                ObjectNode tpl = F.objectNode();
                tpl.set("ProjectTemplateID", wrap(t.path("ProjectTemplateID").asText()));
                tpl.set("Description", wrap(t.path("Description").asText()));
                tpl.set("Status", wrap("Active"));
                put(EntityType.ProjectTemplate, tpl);
            }
            List<String> customers = new ArrayList<>();
            for (ObjectNode c : SeedFixtures.CUSTOMERS) {
                String name = c.path("CustomerName").asText();
                String id = uniqueId(EntityType.Customer, name);
                customers.add(id);
                put(EntityType.Customer, customer(id, name, cursor));
            }
            List<String> vendors = new ArrayList<>();
            for (ObjectNode v : SeedFixtures.VENDORS) {
                String name = v.path("VendorName").asText();
                // a fixture may fix the id (the odd-cased one); the others are derived from the name
                String id = v.has("VendorID") ? v.get("VendorID").asText() : uniqueId(EntityType.Vendor, name);
                vendors.add(id);
                put(EntityType.Vendor, vendor(id, name, v.path("VendorClass").asText(), cursor));
            }
            for (int i = 0; i < 50; i++) {
                String first = pick(SeedFixtures.FIRST_NAMES);
                String last = pick(SeedFixtures.LAST_NAMES);
                put(EntityType.Employee, employee(String.format("EP%08d", i + 1), first, last, cursor));
            }
            for (int i = 0; i < 30; i++) {
                String id = String.format("%02d-%03d", 23 + i / 12, 100 + i);
                String kind = pick(SeedFixtures.PROJECT_KINDS);
                String town = pick(SeedFixtures.TOWNS);
                String template = pick(SeedFixtures.TEMPLATES).path("ProjectTemplateID").asText();
                String status = i % 10 == 9 ? "Completed" : i % 13 == 12 ? "On Hold" : "Active";
                put(EntityType.Project, project(id, kind + " – " + town, customers.get(random.nextInt(customers.size())),
                        template, status, cursor));
                put(EntityType.ProjectTask, task(id, "0000", "Tâche par défaut / Default task", true, cursor));
                int tasks = 2 + random.nextInt(6);
                for (int t = 0; t < tasks; t++) {
                    ObjectNode phase = SeedFixtures.PHASES.get(t);
                    put(EntityType.ProjectTask, task(id, phase.path("ProjectTaskID").asText(),
                            phase.path("Description").asText(), false, cursor));
                }
            }
            seedDocuments(vendors);
        }

        private void seedDocuments(List<String> vendors) {
            List<ObjectNode> projects = new ArrayList<>(tables.get(EntityType.Project).values());
            List<ObjectNode> codes = new ArrayList<>(tables.get(EntityType.CostCode).values());
            for (int i = 1; i <= 6; i++) {
                for (EntityType type : List.of(EntityType.Subcontract, EntityType.PurchaseOrder, EntityType.Bill)) {
                    ObjectNode project = projects.get(random.nextInt(projects.size()));
                    String projectId = project.get("ProjectID").get("value").asText();
                    ObjectNode doc = F.objectNode();
                    String number = switch (type) {
                        case Subcontract -> String.format("SC%06d", i);
                        case PurchaseOrder -> String.format("PO%06d", i);
                        default -> String.format("%06d", i);
                    };
                    lastNumber.put(type, i);
                    doc.set(type.keys.get(type.keys.size() - 1), wrap(number));
                    if (type != EntityType.Subcontract) {
                        doc.set("Type", wrap(defaultType(type)));
                    }
                    String vendor = vendors.get(random.nextInt(vendors.size()));
                    doc.set(type == EntityType.Bill ? "Vendor" : "VendorID", wrap(vendor));
                    doc.set("Description", wrap(SeedFixtures.PHASES.get(i % SeedFixtures.PHASES.size())
                            .path("Description").asText() + " – " + projectId));
                    doc.set("Date", wrap(dateValue(LocalDate.of(2024, 4, 1).plusDays(i * 17L))));
                    doc.set("VendorRef", wrap(type == EntityType.Bill ? "F-" + (24000 + i * 37) : ""));
                    if (type != EntityType.Subcontract) {
                        doc.set("Hold", wrap(i % 2 == 0));
                    }
                    ArrayNode lines = F.arrayNode();
                    int n = 1 + random.nextInt(3);
                    for (int l = 0; l < n; l++) {
                        ObjectNode line = F.objectNode();
                        line.put("id", newId());
                        line.set("note", wrap(""));
                        line.set("custom", F.objectNode());
                        line.set("Project", wrap(projectId));
                        line.set(type == EntityType.Subcontract ? "Task" : "ProjectTask", wrap("0000"));
                        line.set("CostCode", wrap(codes.get(random.nextInt(codes.size())).get("CostCodeID")
                                .get("value").asText()));
                        line.set(type == EntityType.Bill ? "TransactionDescription" : "Description",
                                wrap("Travaux / Work " + (l + 1)));
                        line.set("UnitCost", wrap(BigDecimal.valueOf(500 + random.nextInt(50_000), 2)
                                .multiply(BigDecimal.TEN)));
                        lines.add(line);
                    }
                    doc.set("Details", lines);
                    compute(type, doc, true);
                    put(type, doc);
                }
            }
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        private String uniqueId(EntityType type, String name) {
            String base = slug(name).toUpperCase(Locale.ROOT);
            base = base.length() > 10 ? base.substring(0, 10) : base;
            String id = base;
            int n = 2;
            while (tables.get(type).containsKey(normalisedKey(List.of(id)))) {
                String suffix = String.valueOf(n++);
                id = base.substring(0, Math.min(base.length(), 10 - suffix.length())) + suffix;
            }
            return id;
        }
    }
}
