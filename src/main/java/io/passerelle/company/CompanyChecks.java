package io.passerelle.company;

import io.passerelle.company.CompanyCheck.Severity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks of a company's data ({@code GET /api/companies/{id}/checks}), decided without a database. They look at
 * the current relations (started, not ended: see {@link RelationFields#currentOn}); an imported relation that repeats
 * a current manual one ({@code duplicateOf}) is reported as a duplicate and counted once.
 */
public final class CompanyChecks {

    public static final String NUMBER_INVALID = "NUMBER_INVALID";
    public static final String NUMBER_MISSING = "NUMBER_MISSING";
    public static final String NO_DIRECTOR = "NO_DIRECTOR";
    public static final String SHARES_NOT_100 = "SHARES_NOT_100";
    public static final String MORE_THAN_ONE_AUDITOR = "MORE_THAN_ONE_AUDITOR";
    public static final String DUPLICATE_RELATION = "DUPLICATE_RELATION";
    public static final String GENERAL_ASSEMBLY_DATE_MISSING = "GENERAL_ASSEMBLY_DATE_MISSING";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Shares given to two decimals may each be off by half a hundredth (three thirds make 99.99). */
    private static final BigDecimal ROUNDING_PER_SHAREHOLDER = new BigDecimal("0.005");

    /**
     * @param companyId           for the calls the messages suggest
     * @param number              the company's enterprise number, or null when it has none
     * @param generalAssemblyDate null when unknown
     */
    public List<CompanyCheck> check(long companyId, EnterpriseNumber number, LocalDate generalAssemblyDate,
            List<Relation> relations, LocalDate today) {
        List<Relation> current = relations.stream().filter(r -> r.currentOn(today)).toList();
        Set<Long> currentIds = current.stream().map(Relation::id).collect(Collectors.toSet());
        List<Relation> counted = current.stream()
                .filter(r -> r.duplicateOf() == null || !currentIds.contains(r.duplicateOf())).toList();
        List<CompanyCheck> checks = new ArrayList<>();
        number(number, checks);
        if (counted.stream().noneMatch(r -> r.role() == RelationRole.DIRECTOR)) {
            checks.add(new CompanyCheck(NO_DIRECTOR, Severity.ERROR, "the company has no current director: enter its "
                    + "directors in the ERP and import again, or add one (POST /api/companies/" + companyId
                    + "/relations with role DIRECTOR)", List.of()));
        }
        shares(counted, checks);
        auditors(counted, checks);
        duplicates(companyId, current, checks);
        if (generalAssemblyDate == null) {
            checks.add(new CompanyCheck(GENERAL_ASSEMBLY_DATE_MISSING, Severity.WARNING, "the date of the general "
                    + "assembly is missing: enter it in the ERP and import again", List.of()));
        }
        return checks;
    }

    private static void number(EnterpriseNumber number, List<CompanyCheck> checks) {
        if (number == null) {
            checks.add(new CompanyCheck(NUMBER_MISSING, Severity.WARNING, "the company has no enterprise number: enter "
                    + "it in the ERP and import again; until then it is known by the ERP's own id only, so another "
                    + "ERP's import of it makes a second company", List.of()));
        } else if (!number.valid()) {
            checks.add(new CompanyCheck(NUMBER_INVALID, Severity.ERROR, "the enterprise number '" + number.raw() + "' "
                    + number.fault() + ": correct it in the ERP and import again", List.of()));
        }
    }

    private static void shares(List<Relation> counted, List<CompanyCheck> checks) {
        List<Relation> shareholders = counted.stream()
                .filter(r -> r.role() == RelationRole.SHAREHOLDER && r.fields().sharePercent() != null).toList();
        if (shareholders.isEmpty()) {
            return;
        }
        BigDecimal total = shareholders.stream().map(r -> r.fields().sharePercent()).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        BigDecimal tolerance = ROUNDING_PER_SHAREHOLDER.multiply(BigDecimal.valueOf(shareholders.size()));
        if (total.subtract(HUNDRED).abs().compareTo(tolerance) > 0) {
            checks.add(new CompanyCheck(SHARES_NOT_100, Severity.ERROR, "the current shareholders' shares add up to "
                    + total.stripTrailingZeros().toPlainString() + "%, not 100%: correct the percentages in the ERP, "
                    + "or enter the shareholders that are missing, and import again", ids(shareholders)));
        }
    }

    private static void auditors(List<Relation> counted, List<CompanyCheck> checks) {
        List<Relation> auditors = counted.stream().filter(r -> r.role() == RelationRole.AUDITOR).toList();
        if (auditors.size() > 1) {
            checks.add(new CompanyCheck(MORE_THAN_ONE_AUDITOR, Severity.WARNING, "the company has " + auditors.size()
                    + " current auditors (" + names(auditors) + ") and may have one: enter the end date of the former "
                    + "auditor's mandate in the ERP and import again", ids(auditors)));
        }
    }

    /** The same person twice in one role: names that differ only in spacing or case, or a manual and an imported one. */
    private static void duplicates(long companyId, List<Relation> current, List<CompanyCheck> checks) {
        Map<String, List<Relation>> byPerson = new LinkedHashMap<>();
        for (Relation relation : current) {
            byPerson.computeIfAbsent(relation.role() + "\t" + relation.nameKey(), k -> new ArrayList<>()).add(relation);
        }
        for (List<Relation> same : byPerson.values()) {
            if (same.size() < 2) {
                continue;
            }
            Relation first = same.get(0);
            String who = "'" + first.fields().name() + "' is " + article(first.role()) + " " + first.role().word()
                    + " " + (same.size() == 2 ? "twice" : same.size() + " times") + " (" + names(same) + ")";
            List<Relation> manual = same.stream().filter(r -> !r.imported()).toList();
            String what;
            if (manual.isEmpty()) {
                what = who + ", the names differing only in spacing or case: the ERP holds the person twice; merge "
                        + "the two in the ERP and import again";
            } else if (manual.size() == same.size()) {
                what = who + ", all added by hand: delete the extra ones (DELETE /api/companies/" + companyId
                        + "/relations/{id})";
            } else {
                what = who + ", added by hand and imported: delete the manual one (DELETE /api/companies/" + companyId
                        + "/relations/" + manual.get(0).id() + "); the import keeps the other up to date";
            }
            checks.add(new CompanyCheck(DUPLICATE_RELATION, Severity.WARNING, what, ids(same)));
        }
    }

    private static String article(RelationRole role) {
        return role == RelationRole.AUDITOR ? "an" : "a";
    }

    /** "relation 4 'Jan Peeters' (imported), relation 9 'jan  peeters' (manual)". */
    private static String names(List<Relation> relations) {
        return relations.stream().map(r -> "relation " + r.id() + " '" + r.fields().name() + "' ("
                + (r.imported() ? "imported" : "manual") + ")").collect(Collectors.joining(", "));
    }

    private static List<Long> ids(List<Relation> relations) {
        return relations.stream().map(Relation::id).toList();
    }
}
