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
        String path = path(erp, name);
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + path + " on the classpath");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("fixture " + path + " is not JSON: " + e.getMessage(), e);
        }
    }

    /** A fixture that is an array of objects: the records, or the rows a seeder draws from, in file order. */
    public static List<ObjectNode> items(String erp, String name) {
        JsonNode root = load(erp, name);
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode item : array(root, erp, name)) {
            if (!(item instanceof ObjectNode object)) {
                throw new IllegalStateException("fixture " + path(erp, name) + " holds a non-object: " + item);
            }
            out.add(object);
        }
        return out;
    }

    /** A fixture bound to a type, e.g. {@code new TypeReference<List<Trade>>() {}}. */
    public static <T> T read(String erp, String name, TypeReference<T> type) {
        return JSON.convertValue(load(erp, name), type);
    }

    private static JsonNode array(JsonNode root, String erp, String name) {
        if (!root.isArray()) {
            throw new IllegalStateException("fixture " + path(erp, name) + " must be a JSON array");
        }
        return root;
    }
}
