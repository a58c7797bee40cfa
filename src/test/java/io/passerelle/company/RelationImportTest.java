package io.passerelle.company;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelationImportTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-03-10");
    private static final String ERP = "crm";
    private static final String ALICE = "alice-crm";
    private static final String BOB = "bob-crm";

    private final RelationImport rules = new RelationImport();

    @Test
    void whatTheErpListsIsAddedOnce() {
        RelationPlan plan = rules.plan(List.of(), ALICE, ERP, List.of(director("r1", "Jan Peeters", "2021-06-08"),
                shareholder("r1", "Jan Peeters", "60")), TODAY);

        assertThat(plan.additions()).extracting(a -> a.relation().fields().role())
                .containsExactly(RelationRole.DIRECTOR, RelationRole.SHAREHOLDER);
        assertThat(plan.additions()).allSatisfy(a -> assertThat(a.duplicateOf()).isNull());
        assertThat(plan.changes()).isEmpty();
        assertThat(plan.ended()).isEmpty();
        assertThat(plan.removed()).isEmpty();
    }

    @Test
    void theSameListAgainChangesNothing() {
        List<Relation> stored = List.of(imported(1, ALICE, director("r1", "Jan Peeters", "2021-06-08")),
                imported(2, ALICE, shareholder("r1", "Jan Peeters", "60.00")));

        RelationPlan plan = rules.plan(stored, ALICE, ERP, List.of(director("r1", "Jan Peeters", "2021-06-08"),
                shareholder("r1", "Jan Peeters", "60")), TODAY);

        assertThat(plan.isEmpty()).as("60 is 60.00").isTrue();
    }

    @Test
    void aRelationTheErpNoLongerListsEndsTodayOrIsRemovedWhenItNeverStarted() {
        List<Relation> stored = List.of(imported(1, ALICE, director("r1", "Jan Peeters", "2021-06-08")),
                imported(2, ALICE, director("r2", "An Claes", null)),
                imported(3, ALICE, director("r3", "Piet Wouters", "2027-01-01")),
                imported(4, ALICE, ended(director("r4", "Els Jacobs", "2019-01-01"), "2024-12-31")),
                imported(5, ALICE, director("r5", "Staying", "2020-01-01")));

        RelationPlan plan = rules.plan(stored, ALICE, ERP, List.of(director("r5", "Staying", "2020-01-01")), TODAY);

        assertThat(plan.ended()).as("never silently kept as current").containsExactly(1L);
        assertThat(plan.removed()).as("no start, or a start still to come").containsExactly(2L, 3L);
        assertThat(plan.changes()).as("already ended: left as it was").isEmpty();
        assertThat(plan.additions()).isEmpty();
    }

    @Test
    void manualRelationsAreNeverChangedOrRemoved() {
        List<Relation> stored = List.of(manual(1, director(null, "Marie Dubois", "2020-01-01")));

        RelationPlan plan = rules.plan(stored, ALICE, ERP, List.of(), TODAY);

        assertThat(plan.isEmpty()).isTrue();
    }

    @Test
    void aManualRelationTheImportBringsInMakesTheImportedOneItsDuplicate() {
        List<Relation> stored = List.of(manual(7, director(null, "Marie Dubois", "2020-01-01")));

        RelationPlan plan = rules.plan(stored, ALICE, ERP, List.of(director("r9", "marie\u00A0 DUBOIS", "2020-01-01"),
                shareholder("r9", "Marie Dubois", "100")), TODAY);

        assertThat(plan.additions()).hasSize(2);
        assertThat(plan.additions().get(0).duplicateOf()).as("same role, same folded name").isEqualTo(7L);
        assertThat(plan.additions().get(1).duplicateOf()).as("another role").isNull();
        assertThat(plan.changes()).isEmpty();
    }

    @Test
    void aFormerManualRelationOrAFormerImportedOneIsNoDuplicate() {
        List<Relation> stored = List.of(manual(7, ended(director(null, "Marie Dubois", "2015-01-01"), "2019-12-31")),
                manual(8, director(null, "Jan Peeters", "2015-01-01")));

        RelationPlan plan = rules.plan(stored, ALICE, ERP, List.of(director("r9", "Marie Dubois", "2020-01-01"),
                ended(director("r1", "Jan Peeters", "2010-01-01"), "2014-12-31")), TODAY);

        assertThat(plan.additions()).allSatisfy(a -> assertThat(a.duplicateOf()).isNull());
    }

    @Test
    void aDuplicateFlagGoesWhenTheManualRelationHasEnded() {
        List<Relation> stored = List.of(manual(7, ended(director(null, "Marie Dubois", "2015-01-01"), "2026-01-31")),
                imported(8, ALICE, director("r9", "Marie Dubois", "2020-01-01"), 7L));

        RelationPlan plan = rules.plan(stored, ALICE, ERP, List.of(director("r9", "Marie Dubois", "2020-01-01")), TODAY);

        assertThat(plan.changes()).singleElement().satisfies(change -> {
            assertThat(change.id()).isEqualTo(8L);
            assertThat(change.duplicateOf()).isNull();
        });
    }

    @Test
    void changedFieldsUpdateTheRelationFoundByItsIdEvenWhenItsNameChanged() {
        List<Relation> stored = List.of(imported(1, ALICE, director("r1", "Jan Peeters", "2021-06-08")));

        RelationPlan plan = rules.plan(stored, ALICE, ERP,
                List.of(ended(director("r1", "Jan Peeters-Maes", "2021-06-08"), "2026-03-01")), TODAY);

        assertThat(plan.changes()).singleElement().satisfies(change -> {
            assertThat(change.id()).isEqualTo(1L);
            assertThat(change.relation().fields().name()).isEqualTo("Jan Peeters-Maes");
            assertThat(change.relation().fields().endDate()).isEqualTo(LocalDate.parse("2026-03-01"));
        });
        assertThat(plan.additions()).isEmpty();
        assertThat(plan.ended()).isEmpty();
    }

    @Test
    void withoutIdsRelationsAreMatchedByTheirFoldedName() {
        List<Relation> stored = List.of(imported(1, ALICE, director(null, "Jan  Peeters", "2021-06-08")));

        RelationPlan plan = rules.plan(stored, ALICE, ERP, List.of(director(null, "jan peeters", "2021-06-08")), TODAY);

        assertThat(plan.changes()).singleElement().satisfies(change -> assertThat(change.id()).isEqualTo(1L));
        assertThat(plan.additions()).isEmpty();
        assertThat(plan.ended()).isEmpty();
    }

    @Test
    void twoPersonsOfOneNameInTheErpStayTwoRelations() {
        List<Relation> stored = List.of(imported(1, ALICE, director("r1", "Jan Peeters", "2021-06-08")));

        RelationPlan plan = rules.plan(stored, ALICE, ERP, List.of(director("r1", "Jan Peeters", "2021-06-08"),
                director("r2", "jan  peeters", "2021-06-08")), TODAY);

        assertThat(plan.changes()).isEmpty();
        assertThat(plan.additions()).singleElement()
                .satisfies(a -> assertThat(a.relation().remoteId()).isEqualTo("r2"));
    }

    @Test
    void twoConnectionsBringingOneCompanyShareItsRelations() {
        List<Relation> stored = List.of(imported(1, ALICE, director("r1", "Jan Peeters", "2021-06-08")),
                imported(2, ALICE, director("r2", "An Claes", "2022-01-01")));

        RelationPlan plan = rules.plan(stored, BOB, ERP, List.of(director("r1", "Jan Peeters", "2021-06-08")), TODAY);

        assertThat(plan.additions()).as("not stored twice").isEmpty();
        assertThat(plan.changes()).singleElement().satisfies(change -> assertThat(change.id()).isEqualTo(1L));
        assertThat(plan.ended()).as("alice's own imports say whether her ERP still lists it").isEmpty();
    }

    @Test
    void idsOfAnotherErpAreNotCompared() {
        List<Relation> stored = List.of(new Relation(1, director("r1", "Jan Peeters", "2021-06-08").fields(),
                RelationSource.IMPORTED, "other", "other-erp", "r1", null));

        RelationPlan plan = rules.plan(stored, ALICE, ERP, List.of(director("r1", "Piet Wouters", "2021-06-08")), TODAY);

        assertThat(plan.additions()).hasSize(1);
        assertThat(plan.changes()).isEmpty();
    }

    private static IncomingRelation director(String id, String name, String start) {
        return new IncomingRelation(id, new RelationFields(RelationRole.DIRECTOR, RelationType.PERSON, name, null, null,
                start == null ? null : LocalDate.parse(start), null, null, null, null));
    }

    private static IncomingRelation shareholder(String id, String name, String percent) {
        return new IncomingRelation(id, new RelationFields(RelationRole.SHAREHOLDER, RelationType.PERSON, name, null,
                null, null, null, new BigDecimal(percent), null, null));
    }

    private static IncomingRelation ended(IncomingRelation relation, String end) {
        RelationFields f = relation.fields();
        return new IncomingRelation(relation.remoteId(), new RelationFields(f.role(), f.type(), f.name(), f.firstName(),
                f.lastName(), f.startDate(), LocalDate.parse(end), f.sharePercent(), f.shares(),
                f.permanentRepresentative()));
    }

    private static Relation imported(long id, String connection, IncomingRelation relation) {
        return imported(id, connection, relation, null);
    }

    private static Relation imported(long id, String connection, IncomingRelation relation, Long duplicateOf) {
        return new Relation(id, relation.fields(), RelationSource.IMPORTED, connection, ERP, relation.remoteId(),
                duplicateOf);
    }

    private static Relation manual(long id, IncomingRelation relation) {
        return new Relation(id, relation.fields(), RelationSource.MANUAL, null, null, null, null);
    }
}
