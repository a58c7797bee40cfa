package io.passerelle.sandbox.kit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulator's data from JSON fixtures on the classpath, {@code sandbox/<erp>/<name>.json}: the same on
 * every run, and spelled exactly as the ERP would store it (accents, trailing blanks, no-break spaces),
 * since those are what clients trip over. Read strictly: exact decimals, one document per file.
 */
public final class Fixtures {

    private static final ObjectMapper JSON = SimulatorJson.HTTP;

    private Fixtures() {
    }

    /** The resource path of a fixture, e.g. {@code sandbox/acumatica/vendors.json}. */
    public static String path(String erp, String name) {
        return "sandbox/" + erp + "/" + name + ".json";
    }

    public static JsonNode load(String erp, String name) {
        return parse(erp, name, in -> JSON.readTree(in));
    }

    /** A fixture that is an array of objects: the records, or the rows a seeder draws from, in file order. */
    public static List<ObjectNode> items(String erp, String name) {
        JsonNode root = load(erp, name);
        if (!root.isArray()) {
            throw new IllegalStateException("fixture " + path(erp, name) + " must be a JSON array");
        }
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode item : root) {
            if (!(item instanceof ObjectNode object)) {
                throw new IllegalStateException("fixture " + path(erp, name) + " holds a non-object: " + item);
            }
            out.add(object);
        }
        return out;
    }

    /**
     * A fixture bound to a type, e.g. {@code new TypeReference<List<Trade>>() {}}; read straight from the file,
     * so that a decimal keeps the digits written ({@code 20.00} stays {@code 20.00}).
     */
    public static <T> T read(String erp, String name, TypeReference<T> type) {
        return parse(erp, name, in -> JSON.readValue(in, type));
    }

    private interface Parser<T> {
        T parse(InputStream in) throws IOException;
    }

    private static <T> T parse(String erp, String name, Parser<T> parser) {
        String path = path(erp, name);
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + path + " on the classpath");
            }
            return parser.parse(in);
        } catch (IOException e) {
            throw new IllegalStateException("fixture " + path + " cannot be read: " + e.getMessage(), e);
        }
    }
}
