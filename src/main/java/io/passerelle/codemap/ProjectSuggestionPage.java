package io.passerelle.codemap;

import java.util.List;

/**
 * The answer of {@code GET|POST /api/connections/{id}/maps/projects/suggestions}: per platform project, the ERP project
 * it is linked to in this connection's map ({@code linked}, null when none) and the synced ERP projects it probably is.
 * Nothing is linked by it: a link is made by {@code PUT …/maps/projects}.
 */
public record ProjectSuggestionPage(List<Item> items) {

    /** One platform project; {@code platformName} is null when the platform gave none. */
    public record Item(String platformCode, String platformName, String linked, List<Suggestion> suggestions) {
    }

    /** A synced ERP project ({@code erpCode}: its number as the ERP spells it) and why: {@code number} or {@code name}. */
    public record Suggestion(String erpCode, String name, String status, String reason) {
    }
}
