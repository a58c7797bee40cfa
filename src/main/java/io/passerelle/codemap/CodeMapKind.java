package io.passerelle.codemap;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a code map translates: the platform's hour types, its earnings (expenses and premiums) or its projects into
 * the ERP's codes (for projects, the ERP project's number as synced: seed 002 step 7, the platform's projects linked
 * to the synchronised ones). {@code path} is the API's name, {@code stored} the {@code code_map.kind} value.
 */
public enum CodeMapKind {
    HOUR_TYPES("hourTypes", "HOUR_TYPE"),
    EARNINGS("earnings", "EARNING"),
    PROJECTS("projects", "PROJECT");

    private final String path;
    private final String stored;

    CodeMapKind(String path, String stored) {
        this.path = path;
        this.stored = stored;
    }

    public String path() {
        return path;
    }

    public String stored() {
        return stored;
    }

    /** Only hour types have a Regular entry: the one lines without an hour type are sent as. */
    public boolean hasRegular() {
        return this == HOUR_TYPES;
    }

    /** The API's names of every kind, for the 404 that names an unknown one. */
    public static String paths() {
        return String.join(", ", Arrays.stream(values()).map(CodeMapKind::path).toList());
    }

    public static Optional<CodeMapKind> fromPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }
}
