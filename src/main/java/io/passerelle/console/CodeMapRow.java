package io.passerelle.console;

import java.util.Map;

/**
 * One row of a code map's table: what is stored, or what a person typed and sent when the map was refused, with the
 * API's problems of its fields by field name ({@code erpCode} for {@code entries[2].erpCode}).
 */
public record CodeMapRow(String platformCode, String erpCode, boolean regular, Map<String, String> problems) {

    public CodeMapRow {
        problems = problems == null ? Map.of() : Map.copyOf(problems);
    }

    /** The problem of one of its fields, or null. */
    public String problem(String field) {
        return problems.get(field);
    }
}
