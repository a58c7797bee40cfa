package io.passerelle.canonical;

import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * The text {@code q} on records is matched against, stored with each canonical row: the entity's search fields
 * (a child's parent key first), joined by a space so that a query may span a first and a last name, and folded
 * by {@link KeyNormalizer#searchFold}. Written by the sync engine on the page worker, and by the migration
 * that filled it for rows written before it existed.
 */
public final class SearchText {

    private SearchText() {
    }

    /**
     * @param parentKey the parent's key for child entities (an activity's project number), else null
     * @param values    a field's value by the mapper's field name (see {@link CanonicalEntity#searchFields()})
     */
    public static String of(CanonicalEntity entity, String parentKey, Function<String, Object> values) {
        StringJoiner text = new StringJoiner(" ");
        if (parentKey != null) {
            text.add(parentKey);
        }
        for (String field : entity.searchFields()) {
            Object value = values.apply(field);
            if (value != null) {
                text.add(value.toString());
            }
        }
        // folded once, joined: the spaces between fields and around blank ones fold into one like any other run
        return KeyNormalizer.searchFold(text.toString());
    }

    public static String of(CanonicalEntity entity, String parentKey, Map<String, Object> fields) {
        return of(entity, parentKey, fields::get);
    }

    /**
     * {@code q} folded as the stored search text is, as a LIKE pattern matching it anywhere ({@code %} for no
     * {@code q}); LIKE's own characters in it are escaped (the default escape character, a backslash, of H2 and
     * PostgreSQL both).
     */
    public static String likePattern(String q) {
        String folded = KeyNormalizer.searchFold(q);
        if (folded == null) {
            return "%";
        }
        return "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
