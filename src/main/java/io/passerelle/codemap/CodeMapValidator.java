package io.passerelle.codemap;

import io.passerelle.canonical.KeyNormalizer;
import io.passerelle.connection.FieldProblem;
import io.passerelle.request.TypeProblems;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a whole code map before it replaces the stored one. Platform codes are compared and stored after
 * {@link KeyNormalizer#matchKey} (so " REG" and "REG" are one code); ERP codes must be codes of the
 * company's synced table for the kind, and are stored as the ERP spells them. A plain bean: the ERP codes
 * come from an {@link ErpCodes} lookup.
 */
public class CodeMapValidator {

    static final int MAX_ENTRIES = 1000;
    static final int MAX_PLATFORM_CODE = 64;
    static final int MAX_ERP_CODE = 255;

    /** The ERP codes of the company's synced table for the kind, by match key (match key → ERP spelling). */
    @FunctionalInterface
    public interface ErpCodes {
        Map<String, String> find(Collection<String> matchKeys);
    }

    /**
     * @return the entries to store: platform codes normalised, ERP codes as the ERP spells them, {@code regular}
     *         true/false for hour types and null for earnings
     * @throws InvalidCodeMapException 400 for malformed entries, 422 for ERP codes the company does not have
     */
    public List<CodeMapEntry> validate(CodeMapKind kind, CodeMapDocument document, ErpCodes erpCodes) {
        List<FieldProblem> problems = new ArrayList<>();
        if (document == null || document.entries() == null) {
            throw invalid("the code map is not valid: see errors",
                    List.of(new FieldProblem("entries", "required (an empty list clears the map)")), false);
        }
        List<CodeMapEntry> entries = document.entries();
        if (entries.size() > MAX_ENTRIES) {
            throw invalid("the code map is not valid: see errors",
                    List.of(new FieldProblem("entries", "at most " + MAX_ENTRIES + " entries")), false);
        }
        Map<String, Integer> seen = new HashMap<>();
        Integer regularAt = null;
        List<String> platformKeys = new ArrayList<>();
        List<String> erpKeys = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String at = "entries[" + i + "]";
            CodeMapEntry entry = entries.get(i);
            if (entry == null) {
                problems.add(new FieldProblem(at, "must be an object"));
                platformKeys.add(null);
                erpKeys.add(null);
                continue;
            }
            String platform = KeyNormalizer.matchKey(entry.platformCode());
            if (platform == null) {
                problems.add(new FieldProblem(at + ".platformCode", "required"));
            } else if (platform.length() > MAX_PLATFORM_CODE) {
                problems.add(new FieldProblem(at + ".platformCode", "at most " + MAX_PLATFORM_CODE + " characters"));
            } else {
                Integer first = seen.putIfAbsent(platform, i);
                if (first != null) {
                    problems.add(new FieldProblem(at + ".platformCode",
                            "'" + platform + "' is already mapped by entries[" + first + "]"));
                }
            }
            String erp = KeyNormalizer.matchKey(entry.erpCode());
            if (erp == null) {
                problems.add(new FieldProblem(at + ".erpCode", "required"));
            } else if (erp.length() > MAX_ERP_CODE) {
                problems.add(new FieldProblem(at + ".erpCode", "at most " + MAX_ERP_CODE + " characters"));
                erp = null;
            }
            if (entry.markedRegular()) {
                if (!kind.hasRegular()) {
                    problems.add(new FieldProblem(at + ".regular", "only hour types have a Regular entry"));
                } else if (regularAt != null) {
                    problems.add(new FieldProblem(at + ".regular",
                            "only one entry may be Regular; entries[" + regularAt + "] already is"));
                } else {
                    regularAt = i;
                }
            }
            platformKeys.add(platform);
            erpKeys.add(erp);
        }
        if (!problems.isEmpty()) {
            throw invalid("the code map is not valid: see errors", problems, false);
        }
        Set<String> wanted = new LinkedHashSet<>(erpKeys);
        wanted.remove(null); // an ERP code of the wrong type: already a type problem
        Map<String, String> known = wanted.isEmpty() ? Map.of() : erpCodes.find(wanted);
        List<CodeMapEntry> valid = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            if (erpKeys.get(i) == null) {
                continue;
            }
            String erpCode = known.get(erpKeys.get(i));
            if (erpCode == null) {
                problems.add(new FieldProblem("entries[" + i + "].erpCode",
                        "'" + erpKeys.get(i) + "' is not " + describe(kind) + " of this connection's company"
                                + " (run the " + kind.path() + " sync first if it is new)"));
                continue;
            }
            Boolean regular = kind.hasRegular() ? entries.get(i).markedRegular() : null;
            valid.add(new CodeMapEntry(platformKeys.get(i), erpCode, regular));
        }
        if (!problems.isEmpty()) {
            throw invalid("the code map names ERP codes that do not exist: see errors", problems, true);
        }
        if (!TypeProblems.current().isEmpty()) {
            throw invalid("the code map is not valid: see errors", problems, false);
        }
        return valid;
    }

    /** The refusal, after the request body's type errors ({@link TypeProblems}): those make it a 400. */
    private static InvalidCodeMapException invalid(String message, List<FieldProblem> problems, boolean unprocessable) {
        return new InvalidCodeMapException(message, TypeProblems.merge(problems),
                unprocessable && TypeProblems.current().isEmpty());
    }

    private static String describe(CodeMapKind kind) {
        return switch (kind) {
            case HOUR_TYPES -> "a synced hour type";
            case EARNINGS -> "a synced earning (expense or premium)";
            case PROJECTS -> "the number of a synced project";
        };
    }
}
