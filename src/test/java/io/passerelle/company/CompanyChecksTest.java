package io.passerelle.company;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.company.CompanyCheck.Severity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompanyChecksTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-03-10");
    private static final LocalDate ASSEMBLY = LocalDate.parse("2026-06-09");
    private static final EnterpriseNumber VALID = EnterpriseNumber.parse("0403.170.701").orElseThrow();

    private final CompanyChecks checks = new CompanyChecks();
    private final List<Relation> relations = new ArrayList<>();

    @Test
    void aCompanyInOrderHasNoFinding() {
        relations.add(relation(1, RelationRole.DIRECTOR, "Jan Peeters", null, RelationSource.IMPORTED));
        relations.add(relation(2, RelationRole.SHAREHOLDER, "Jan Peeters", "60", RelationSource.IMPORTED));
        relations.add(relation(3, RelationRole.SHAREHOLDER, "An Claes", "40.00", RelationSource.IMPORTED));
        relations.add(relation(4, RelationRole.AUDITOR, "Van Dijck & Co", null, RelationSource.IMPORTED));

        assertThat(check(VALID, ASSEMBLY)).isEmpty();
    }

    @Test
    void noCurrentDirectorIsAnError() {
        relations.add(ended(relation(1, RelationRole.DIRECTOR, "Jan Peeters", null, RelationSource.IMPORTED), TODAY));
        relations.add(relation(2, RelationRole.DIRECTOR, "Later", null, RelationSource.MANUAL, TODAY.plusDays(1), null));

        CompanyCheck found = single(CompanyChecks.NO_DIRECTOR);

        assertThat(found.severity()).isEqualTo(Severity.ERROR);
        assertThat(found.message()).contains("no current director").contains("POST /api/companies/42/relations");
        assertThat(found.relations()).isEmpty();
    }

    @Test
    void sharesThatDoNotAddUpToAHundredAreNamed() {
        relations.add(relation(1, RelationRole.DIRECTOR, "Jan Peeters", null, RelationSource.IMPORTED));
        relations.add(relation(2, RelationRole.SHAREHOLDER, "Jan Peeters", "60", RelationSource.IMPORTED));
        relations.add(relation(3, RelationRole.SHAREHOLDER, "No share given", null, RelationSource.IMPORTED));
        relations.add(ended(relation(4, RelationRole.SHAREHOLDER, "Sold", "40", RelationSource.IMPORTED), TODAY));

        CompanyCheck found = single(CompanyChecks.SHARES_NOT_100);

        assertThat(found.message()).contains("add up to 60%, not 100%");
        assertThat(found.relations()).containsExactly(2L);
    }

    @Test
    void thirdsRoundedToHundredthsAddUpToAHundred() {
        relations.add(relation(1, RelationRole.DIRECTOR, "Jan Peeters", null, RelationSource.IMPORTED));
        for (long id = 2; id <= 4; id++) {
            relations.add(relation(id, RelationRole.SHAREHOLDER, "Third " + id, "33.33", RelationSource.IMPORTED));
        }

        assertThat(codes(check(VALID, ASSEMBLY))).doesNotContain(CompanyChecks.SHARES_NOT_100);
    }

    @Test
    void noShareholdersWithSharesIsNoFinding() {
        relations.add(relation(1, RelationRole.DIRECTOR, "Jan Peeters", null, RelationSource.IMPORTED));
        relations.add(relation(2, RelationRole.SHAREHOLDER, "Jan Peeters", null, RelationSource.IMPORTED));

        assertThat(check(VALID, ASSEMBLY)).isEmpty();
    }

    @Test
    void theSamePersonTwiceInOneRoleIsADuplicateWhateverTheSpacingOrCase() {
        relations.add(relation(1, RelationRole.DIRECTOR, "Jan Peeters", null, RelationSource.IMPORTED));
        relations.add(relation(2, RelationRole.DIRECTOR, "jan\u00A0 PEETERS", null, RelationSource.IMPORTED));
        relations.add(relation(3, RelationRole.SHAREHOLDER, "Jan Peeters", null, RelationSource.IMPORTED));

        CompanyCheck found = single(CompanyChecks.DUPLICATE_RELATION);

        assertThat(found.severity()).isEqualTo(Severity.WARNING);
        assertThat(found.relations()).containsExactly(1L, 2L);
        assertThat(found.message()).contains("merge the two in the ERP");
    }

    @Test
    void aManualRelationAndTheImportedOneThatRepeatsItAreADuplicateCountedOnce() {
        relations.add(relation(1, RelationRole.DIRECTOR, "Jan Peeters", null, RelationSource.IMPORTED));
        relations.add(relation(2, RelationRole.AUDITOR, "Van Dijck", null, RelationSource.MANUAL));
        relations.add(duplicateOf(relation(3, RelationRole.AUDITOR, "van dijck", null, RelationSource.IMPORTED), 2));
        relations.add(relation(4, RelationRole.SHAREHOLDER, "Jan Peeters", "100", RelationSource.MANUAL));
        relations.add(duplicateOf(relation(5, RelationRole.SHAREHOLDER, "Jan Peeters", "100", RelationSource.IMPORTED), 4));

        List<CompanyCheck> found = check(VALID, ASSEMBLY);

        assertThat(codes(found)).as("one auditor, 100% of shares").containsExactly(CompanyChecks.DUPLICATE_RELATION,
                CompanyChecks.DUPLICATE_RELATION);
        assertThat(found.get(0).relations()).containsExactly(2L, 3L);
        assertThat(found.get(0).message()).contains("delete the manual one (DELETE /api/companies/42/relations/2)");
    }

    @Test
    void moreThanOneCurrentAuditorIsNamed() {
        relations.add(relation(1, RelationRole.DIRECTOR, "Jan Peeters", null, RelationSource.IMPORTED));
        relations.add(relation(2, RelationRole.AUDITOR, "Van Dijck", null, RelationSource.IMPORTED));
        relations.add(relation(3, RelationRole.AUDITOR, "Claes Revisoren", null, RelationSource.MANUAL));
        relations.add(ended(relation(4, RelationRole.AUDITOR, "Former", null, RelationSource.IMPORTED), TODAY));

        CompanyCheck found = single(CompanyChecks.MORE_THAN_ONE_AUDITOR);

        assertThat(found.relations()).containsExactly(2L, 3L);
        assertThat(found.message()).contains("2 current auditors").contains("end date");
    }

    @Test
    void aMissingGeneralAssemblyDateAndAnInvalidOrMissingNumberAreNamed() {
        relations.add(relation(1, RelationRole.DIRECTOR, "Jan Peeters", null, RelationSource.IMPORTED));

        assertThat(single(EnterpriseNumber.parse("0712.345.678").orElseThrow(), null, CompanyChecks.NUMBER_INVALID)
                .message()).contains("'0712.345.678'").contains("correct it in the ERP");
        assertThat(codes(check(EnterpriseNumber.parse("0712.345.678").orElseThrow(), null))).containsExactly(
                CompanyChecks.NUMBER_INVALID, CompanyChecks.GENERAL_ASSEMBLY_DATE_MISSING);
        assertThat(codes(check(null, ASSEMBLY))).containsExactly(CompanyChecks.NUMBER_MISSING);
        assertThat(single(null, null, CompanyChecks.GENERAL_ASSEMBLY_DATE_MISSING).severity())
                .isEqualTo(Severity.WARNING);
    }

    private List<CompanyCheck> check(EnterpriseNumber number, LocalDate assembly) {
        return checks.check(42, number, assembly, relations, TODAY);
    }

    private CompanyCheck single(String code) {
        return single(VALID, ASSEMBLY, code);
    }

    private CompanyCheck single(EnterpriseNumber number, LocalDate assembly, String code) {
        List<CompanyCheck> found = check(number, assembly).stream().filter(c -> c.code().equals(code)).toList();
        assertThat(found).as(code).hasSize(1);
        return found.get(0);
    }

    private static List<String> codes(List<CompanyCheck> found) {
        return found.stream().map(CompanyCheck::code).toList();
    }

    private static Relation relation(long id, RelationRole role, String name, String percent, RelationSource source) {
        return relation(id, role, name, percent, source, LocalDate.parse("2020-01-01"), null);
    }

    private static Relation relation(long id, RelationRole role, String name, String percent, RelationSource source,
            LocalDate start, LocalDate end) {
        return new Relation(id, new RelationFields(role, RelationType.PERSON, name, null, null, start, end,
                percent == null ? null : new BigDecimal(percent), null, null), source,
                source == RelationSource.IMPORTED ? "alice-crm" : null, source == RelationSource.IMPORTED ? "crm" : null,
                null, null);
    }

    private static Relation ended(Relation relation, LocalDate end) {
        RelationFields f = relation.fields();
        return new Relation(relation.id(), new RelationFields(f.role(), f.type(), f.name(), f.firstName(), f.lastName(),
                f.startDate(), end, f.sharePercent(), f.shares(), f.permanentRepresentative()), relation.source(),
                relation.connectionId(), relation.erp(), relation.remoteId(), relation.duplicateOf());
    }

    private static Relation duplicateOf(Relation relation, long manual) {
        return new Relation(relation.id(), relation.fields(), relation.source(), relation.connectionId(),
                relation.erp(), relation.remoteId(), manual);
    }
}
