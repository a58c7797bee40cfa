package io.passerelle.sandbox.avantage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The MainTCP operations (spec §4) over one parsed request, independent of the transport: it answers
 * with the bytes of a response JSON object. Stateless apart from the shared dataset and tokens.
 */
final class RequestDispatcher {

    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 5000;
    static final int MAX_LINES = 1000;
    private static final DateTimeFormatter STRICT_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private final AvantageDataset dataset;
    private final TokenRegistry tokens;
    private final Faults faults;
    private final SimulatorCounters counters;
    private final byte[] user;
    private final byte[] password;
    private final ObjectMapper json;
    private final Clock clock;

    RequestDispatcher(AvantageDataset dataset, TokenRegistry tokens, Faults faults, SimulatorCounters counters,
                      String user, String password, ObjectMapper json, Clock clock) {
        this.dataset = dataset;
        this.tokens = tokens;
        this.faults = faults;
        this.counters = counters;
        this.user = user.getBytes(StandardCharsets.UTF_8);
        this.password = password.getBytes(StandardCharsets.UTF_8);
        this.json = json;
        this.clock = clock;
    }

    /** What the connection does with the answer. */
    record Reply(byte[] body, boolean dropConnection) {
    }

    /** @param id the request id, already checked to be an integer */
    Reply dispatch(JsonNode id, ObjectNode request) {
        JsonNode opNode = request.get("op");
        String op = opNode != null && opNode.isTextual() ? opNode.textValue() : null;
        counters.request(op != null && isKnownOp(op) ? op : SimulatorCounters.UNKNOWN_OP);
        try {
            long retryAfter = faults.takeBusy();
            if (retryAfter >= 0) {
                counters.busyAnswered();
                throw new ProtocolException(ErrorCode.BUSY, "server busy, retry later", retryAfter);
            }
            if (opNode == null || opNode.isNull()) {
                throw ProtocolException.badRequest("op is required");
            }
            if (op == null) {
                throw ProtocolException.badRequest("op must be a string");
            }
            return switch (op) {
                case "PING" -> ok(id, g -> g.writeStringField("serverTime", Instant.now(clock).toString()));
                case "LOGIN" -> login(id, request);
                case "LIST" -> list(id, request);
                case "POST_TIMESHEETS" -> postTimesheets(id, request);
                case "GET_TIMESHEET_LINES" -> getTimesheetLines(id, request);
                default -> throw new ProtocolException(ErrorCode.UNKNOWN_OP, "unknown op " + op);
            };
        } catch (ProtocolException e) {
            return new Reply(error(id, e.code(), e.getMessage(), e.retryAfterMs()), false);
        }
    }

    private static boolean isKnownOp(String op) {
        return switch (op) {
            case "PING", "LOGIN", "LIST", "POST_TIMESHEETS", "GET_TIMESHEET_LINES" -> true;
            default -> false;
        };
    }

    // ---- ops ------------------------------------------------------------------------------------------

    private Reply login(JsonNode id, ObjectNode request) {
        String u = requiredText(request, "user", "user");
        String p = requiredText(request, "password", "password");
        // both compared in constant time so that timing tells nothing about which one was wrong
        boolean userOk = MessageDigest.isEqual(user, u.getBytes(StandardCharsets.UTF_8));
        boolean passwordOk = MessageDigest.isEqual(password, p.getBytes(StandardCharsets.UTF_8));
        if (!(userOk & passwordOk)) {
            throw new ProtocolException(ErrorCode.AUTH_FAILED, "user or password rejected");
        }
        String token = tokens.issue();
        long expiresIn = tokens.ttl().getSeconds();
        AvantageDataset.Company company = dataset.company();
        return ok(id, g -> {
            g.writeStringField("token", token);
            g.writeNumberField("expiresInSeconds", expiresIn);
            g.writeObjectFieldStart("company");
            g.writeStringField("code", company.code());
            g.writeStringField("name", company.name());
            g.writeEndObject();
        });
    }

    private Reply list(JsonNode id, ObjectNode request) {
        requireToken(request);
        String entityName = requiredText(request, "entity", "entity");
        AvantageEntity entity = AvantageEntity.fromWire(entityName)
                .orElseThrow(() -> new ProtocolException(ErrorCode.UNKNOWN_ENTITY, "unknown entity " + entityName));
        int limit = DEFAULT_LIMIT;
        JsonNode limitNode = request.get("limit");
        if (present(limitNode)) {
            if (!limitNode.isIntegralNumber() || !limitNode.canConvertToInt()
                    || limitNode.intValue() < 1 || limitNode.intValue() > MAX_LIMIT) {
                throw ProtocolException.badRequest("limit must be an integer from 1 to " + MAX_LIMIT);
            }
            limit = limitNode.intValue();
        }
        Ordered after = null;
        String afterText = optionalText(request, "after", "after");
        if (afterText != null) {
            after = ListCursor.decode(entity, afterText).orElseThrow(() -> ProtocolException.badRequest(
                    "after is not a cursor this server issued for " + entity.name()));
        }
        Ordered since = null;
        String sinceText = optionalText(request, "modifiedSince", "modifiedSince");
        if (sinceText != null) {
            since = new Ordered.Position(ceilMillis(parseInstant(sinceText)), "", "");
        }
        String project = optionalText(request, "project", "project");
        if (project != null && !entity.listsByProject()) {
            throw ProtocolException.badRequest("project applies only to entities ACTIVITY and PURCHASE_ORDER");
        }
        // start from whichever of the cursor and modifiedSince lies further along
        Ordered from;
        boolean inclusive;
        if (since != null && (after == null || Ordered.LIST_ORDER.compare(since, after) > 0)) {
            from = since;
            inclusive = true;
        } else {
            from = after;
            inclusive = false;
        }
        counters.listed(entity, project);
        EntityTable.Page<? extends AvantageItem> page = dataset.page(entity, project, from, inclusive, limit);
        List<Faults.Injected> injected = faults.takeInjected(entity);
        boolean extra = faults.extraFields();
        boolean nulls = faults.nullForAbsent();
        List<? extends AvantageItem> items = page.items();
        String next = page.more() ? ListCursor.encode(entity, items.get(items.size() - 1)) : null;
        long injectedStamp = items.isEmpty() ? dataset.lastModifiedAt().toEpochMilli() : items.get(0).modifiedAtMillis();
        return ok(id, g -> {
            g.writeArrayFieldStart("items");
            for (Faults.Injected inj : injected) {
                ObjectNode item = inj.item().deepCopy();
                if (inj.stampAtServe()) {
                    item.put("modifiedAt", Instant.ofEpochMilli(injectedStamp).toString());
                }
                g.writeTree(item);
            }
            for (AvantageItem item : items) {
                if (extra) {
                    writeWithExtraFields(g, item, nulls);
                } else {
                    item.write(g, nulls);
                }
            }
            g.writeEndArray();
            if (next == null) {
                g.writeNullField("next");
            } else {
                g.writeStringField("next", next);
            }
        });
    }

    private void writeWithExtraFields(JsonGenerator g, AvantageItem item, boolean nulls) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        try (JsonGenerator inner = json.getFactory().createGenerator(buffer)) {
            item.write(inner, nulls);
        }
        ObjectNode node = (ObjectNode) json.readTree(buffer.toByteArray());
        node.put("codeInterne", "AV-" + Integer.toHexString(item.id().hashCode()));
        node.putObject("audit").put("modifiedBy", "ADMIN").put("station", "SRV-COMPTA");
        g.writeTree(node);
    }

    private Reply postTimesheets(JsonNode id, ObjectNode request) {
        requireToken(request);
        String batchId = requiredKey(request.get("batchId"), "batchId");
        Optional<PostResult> previous = dataset.batchAnswer(batchId);
        if (previous.isPresent()) {
            return ok(id, g -> writePostResult(g, previous.get()));
        }
        JsonNode linesNode = request.get("lines");
        if (!present(linesNode)) {
            throw ProtocolException.badRequest("lines is required");
        }
        if (!linesNode.isArray()) {
            throw ProtocolException.badRequest("lines must be an array");
        }
        if (linesNode.isEmpty()) {
            throw ProtocolException.badRequest("lines must hold 1 to " + MAX_LINES + " lines");
        }
        if (linesNode.size() > MAX_LINES) {
            throw new ProtocolException(ErrorCode.TOO_LARGE,
                    "lines holds " + linesNode.size() + " lines, at most " + MAX_LINES + " per batch");
        }
        List<TimesheetLine> lines = new ArrayList<>(linesNode.size());
        for (int i = 0; i < linesNode.size(); i++) {
            lines.add(parseLine(linesNode.get(i), "lines[" + i + "]"));
        }
        PostResult result = dataset.postTimesheets(batchId, lines);
        if (faults.takeDropAfterStore()) {
            return new Reply(null, true);
        }
        return ok(id, g -> writePostResult(g, result));
    }

    private static void writePostResult(JsonGenerator g, PostResult result) throws IOException {
        g.writeNumberField("accepted", result.accepted());
        g.writeNumberField("duplicates", result.duplicates());
        g.writeArrayFieldStart("rejected");
        for (PostResult.Rejection r : result.rejected()) {
            g.writeStartObject();
            g.writeFieldName("lineId");
            g.writeTree(r.lineId());
            g.writeStringField("code", r.code());
            g.writeStringField("message", r.message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private TimesheetLine parseLine(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw ProtocolException.badRequest(path + " must be an object");
        }
        ObjectNode line = (ObjectNode) node;
        JsonNode lineIdNode = line.get("lineId");
        String lineId = requiredKey(lineIdNode, path + ".lineId");
        String employee = requiredText(line, "employee", path + ".employee");
        String project = requiredText(line, "project", path + ".project");
        String activity = optionalText(line, "activity", path + ".activity");
        String trade = optionalText(line, "trade", path + ".trade");
        String dateText = requiredText(line, "date", path + ".date");
        LocalDate date;
        try {
            date = LocalDate.parse(dateText, STRICT_DATE);
        } catch (DateTimeParseException e) {
            throw ProtocolException.badRequest(path + ".date must be a date YYYY-MM-DD");
        }
        JsonNode hoursNode = line.get("hours");
        if (!present(hoursNode)) {
            throw ProtocolException.badRequest(path + ".hours is required");
        }
        if (!hoursNode.isNumber()) {
            throw ProtocolException.badRequest(path + ".hours must be a number");
        }
        String hourType = requiredText(line, "hourType", path + ".hourType");
        List<TimesheetLine.EarningQuantity> earnings = new ArrayList<>();
        JsonNode earningsNode = line.get("earnings");
        ArrayNode storedEarnings = null;
        if (present(earningsNode)) {
            if (!earningsNode.isArray()) {
                throw ProtocolException.badRequest(path + ".earnings must be an array");
            }
            storedEarnings = json.createArrayNode();
            for (int k = 0; k < earningsNode.size(); k++) {
                String ePath = path + ".earnings[" + k + "]";
                JsonNode e = earningsNode.get(k);
                if (!e.isObject()) {
                    throw ProtocolException.badRequest(ePath + " must be an object");
                }
                String code = requiredText((ObjectNode) e, "code", ePath + ".code");
                JsonNode quantity = e.get("quantity");
                if (!present(quantity)) {
                    throw ProtocolException.badRequest(ePath + ".quantity is required");
                }
                if (!quantity.isNumber()) {
                    throw ProtocolException.badRequest(ePath + ".quantity must be a number");
                }
                earnings.add(new TimesheetLine.EarningQuantity(code, quantity.decimalValue()));
                storedEarnings.addObject().put("code", code).set("quantity", quantity.deepCopy());
            }
        }
        // keep the known fields as posted (numbers keep their written form); drop anything else
        ObjectNode stored = json.createObjectNode();
        stored.set("lineId", lineIdNode.deepCopy());
        stored.put("employee", employee);
        stored.put("project", project);
        if (activity != null) {
            stored.put("activity", activity);
        }
        if (trade != null) {
            stored.put("trade", trade);
        }
        stored.put("date", dateText);
        stored.set("hours", hoursNode.deepCopy());
        stored.put("hourType", hourType);
        if (storedEarnings != null) {
            stored.set("earnings", storedEarnings);
        }
        return new TimesheetLine(lineId, employee, project, activity, trade, date, hoursNode.decimalValue(),
                hourType, earnings, stored);
    }

    private Reply getTimesheetLines(JsonNode id, ObjectNode request) {
        requireToken(request);
        JsonNode ids = request.get("lineIds");
        if (!present(ids)) {
            throw ProtocolException.badRequest("lineIds is required");
        }
        if (!ids.isArray()) {
            throw ProtocolException.badRequest("lineIds must be an array");
        }
        if (ids.isEmpty()) {
            throw ProtocolException.badRequest("lineIds must hold 1 to " + MAX_LINES + " ids");
        }
        if (ids.size() > MAX_LINES) {
            throw new ProtocolException(ErrorCode.TOO_LARGE,
                    "lineIds holds " + ids.size() + " ids, at most " + MAX_LINES);
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            wanted.add(requiredKey(ids.get(i), "lineIds[" + i + "]"));
        }
        List<ObjectNode> found = new ArrayList<>();
        for (String lineId : wanted) {
            dataset.postedLine(lineId).ifPresent(line -> found.add(line.jsonView()));
        }
        return ok(id, g -> {
            g.writeArrayFieldStart("lines");
            for (ObjectNode line : found) {
                g.writeTree(line);
            }
            g.writeEndArray();
        });
    }

    // ---- fields ---------------------------------------------------------------------------------------

    private void requireToken(ObjectNode request) {
        String token = requiredText(request, "token", "token");
        if (!tokens.isValid(token)) {
            throw new ProtocolException(ErrorCode.TOKEN_EXPIRED, "token expired or unknown, log in again");
        }
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    private static String requiredText(ObjectNode obj, String field, String path) {
        JsonNode node = obj.get(field);
        if (!present(node)) {
            throw ProtocolException.badRequest(path + " is required");
        }
        if (!node.isTextual()) {
            throw ProtocolException.badRequest(path + " must be a string");
        }
        if (node.textValue().isEmpty()) {
            throw ProtocolException.badRequest(path + " must not be empty");
        }
        return node.textValue();
    }

    private static String optionalText(ObjectNode obj, String field, String path) {
        JsonNode node = obj.get(field);
        if (!present(node)) {
            return null;
        }
        if (!node.isTextual()) {
            throw ProtocolException.badRequest(path + " must be a string");
        }
        if (node.textValue().isEmpty()) {
            throw ProtocolException.badRequest(path + " must not be empty");
        }
        return node.textValue();
    }

    /** A client-chosen key (batchId, lineId): a non-empty string or an integer, held as its text. */
    private static String requiredKey(JsonNode node, String path) {
        if (!present(node)) {
            throw ProtocolException.badRequest(path + " is required");
        }
        if (node.isTextual() && !node.textValue().isEmpty()) {
            return node.textValue();
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        throw ProtocolException.badRequest(path + " must be a non-empty string or an integer");
    }

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                throw ProtocolException.badRequest("modifiedSince must be an ISO-8601 instant, e.g. 2025-01-31T05:00:00Z");
            }
        }
    }

    /** Items are stamped in milliseconds; an instant between two milliseconds starts at the next one. */
    private static long ceilMillis(Instant instant) {
        long millis = instant.toEpochMilli();
        return instant.getNano() % 1_000_000 == 0 ? millis : millis + 1;
    }

    // ---- writing ------------------------------------------------------------------------------------

    @FunctionalInterface
    interface BodyWriter {
        void write(JsonGenerator g) throws IOException;
    }

    private Reply ok(JsonNode id, BodyWriter body) {
        return new Reply(write(id, g -> {
            g.writeBooleanField("ok", true);
            body.write(g);
        }), false);
    }

    byte[] error(JsonNode id, ErrorCode code, String message, Long retryAfterMs) {
        return write(id, g -> {
            g.writeBooleanField("ok", false);
            g.writeObjectFieldStart("error");
            g.writeStringField("code", code.name());
            g.writeStringField("message", message);
            if (retryAfterMs != null) {
                g.writeNumberField("retryAfterMs", retryAfterMs);
            }
            g.writeEndObject();
        });
    }

    private byte[] write(JsonNode id, BodyWriter body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = json.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeFieldName("id");
            if (id == null) {
                g.writeNull();
            } else {
                g.writeTree(id);
            }
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
