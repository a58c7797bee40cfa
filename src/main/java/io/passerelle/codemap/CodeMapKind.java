package io.passerelle.codemap;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a code map translates: the platform's hour types or its earnings (expenses and premiums) into the
 * ERP's codes. {@code path} is the API's name, {@code stored} the {@code code_map.kind} value.
 */
public enum CodeMapKind {
    HOUR_TYPES("hourTypes", "HOUR_TYPE"),
    EARNINGS("earnings", "EARNING");

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

    public static Optional<CodeMapKind> fromPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }
}
