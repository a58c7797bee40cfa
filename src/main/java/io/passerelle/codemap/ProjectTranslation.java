package io.passerelle.codemap;

import io.passerelle.canonical.KeyNormalizer;
import io.passerelle.connection.KnownErps;
import java.util.Map;
import java.util.Optional;

/**
 * The project an item (a timesheet line, a commitment, an invoice) names, as one connection's ERP numbers it: the
 * same rule for every ERP, applied by the item's export source before any sink sees the item. A platform project
 * linked in the connection's {@code projects} map goes as the ERP project it is linked to (an entry wins over an
 * ERP project of the same spelling); anything else goes as the synced ERP project it names, as it did before project
 * links existed (so a connection without a projects map sends what it always sent); a code that is neither is
 * refused before sending, naming the code and the map to put it in. One per connection and page of items.
 */
public final class ProjectTranslation {

    /** The export code of an item refused for naming a project the connection does not link. */
    public static final String NOT_LINKED = "PROJECT_NOT_LINKED";

    private final String connectionId;
    private final String erp;
    private final Map<String, String> links;

    /**
     * @param links the connection's projects map: platform code (match key) → ERP project number as the ERP spells it
     */
    public ProjectTranslation(String connectionId, String erp, Map<String, String> links) {
        this.connectionId = connectionId;
        this.erp = erp;
        this.links = Map.copyOf(links);
    }

    /**
     * @param code   the project as the item names it: a platform project's code, or an ERP project's number
     * @param synced the number of the synced ERP project {@code code} names (as the ERP spells it), null when it names
     *               none
     * @return the ERP project number to send; empty when there is none: refuse the item with {@link #refusal}
     */
    public Optional<String> erpNumber(String code, String synced) {
        String key = KeyNormalizer.matchKey(code);
        String linked = key == null ? null : links.get(key);
        return Optional.ofNullable(linked != null ? linked : synced);
    }

    /** Why an item naming {@code code} cannot go, and what makes it go. */
    public String refusal(String code) {
        String name = KnownErps.displayName(erp);
        String article = name.matches("(?i)[aeiou].*") ? "an " : "a ";
        return "project " + (code == null ? "(none)" : code.strip()) + " is not linked to " + article + name
                + " project: PUT /api/connections/" + connectionId + "/maps/projects (nor is it the number of a project"
                + " synced from " + name + ")";
    }
}
