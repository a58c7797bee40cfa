package io.passerelle.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import io.passerelle.api.security.ConnectionAccess.Action;
import io.passerelle.connection.FieldProblem;
import io.passerelle.connection.Ownership;
import org.junit.jupiter.api.Test;

class ConnectionAccessTest {

    private static final ApiPrincipal ADMIN = new ApiPrincipal("root", Role.ADMIN, Set.of());
    private static final ApiPrincipal ALICE = new ApiPrincipal("alice", Role.ENGINEER, Set.of());
    private static final ApiPrincipal BOB = new ApiPrincipal("bob", Role.ENGINEER, Set.of());
    private static final ApiPrincipal VIEWER = new ApiPrincipal("vera", Role.VIEWER, Set.of());
    private static final ApiPrincipal APPROVER = new ApiPrincipal("abe", Role.APPROVER, Set.of(Capability.INVOICES));
    private static final Ownership CLOSED = new Ownership("acme", "alice", false);
    private static final Ownership OPEN = new Ownership("acme", "alice", true);
    private static final Ownership NOBODYS = new Ownership("boot", null, false);

    private final ConnectionAccess access = new ConnectionAccess();

    @Test
    void aClosedConnectionIsItsOwnersAndTheAdminsOnly() {
        for (Action action : List.of(Action.SEE_DATA, Action.CHANGE)) {
            assertThat(access.may(ALICE, CLOSED, action)).as(action.name()).isTrue();
            assertThat(access.may(ADMIN, CLOSED, action)).as(action.name()).isTrue();
            assertThat(access.may(BOB, CLOSED, action)).as(action.name()).isFalse();
            assertThat(access.may(VIEWER, CLOSED, action)).as(action.name()).isFalse();
            assertThat(access.may(APPROVER, CLOSED, action)).as(action.name()).isFalse();
        }
        assertThat(access.refusal(BOB, CLOSED, Action.CHANGE)).contains(
                "connection acme belongs to alice: only alice or an ADMIN may change it, unless alice allows others "
                        + "to edit it");
        assertThat(access.refusal(VIEWER, CLOSED, Action.SEE_DATA)).contains(
                "connection acme belongs to alice: only alice or an ADMIN may see its companies and their data, "
                        + "unless alice allows others to edit it");
        assertThat(access.refusal(ALICE, CLOSED, Action.CHANGE)).isEmpty();
    }

    @Test
    void everyTokenReadsTheSettingsOfEveryConnection() {
        for (ApiPrincipal caller : List.of(ADMIN, ALICE, BOB, VIEWER, APPROVER)) {
            assertThat(access.may(caller, CLOSED, Action.READ)).as(caller.name()).isTrue();
            assertThat(access.may(caller, NOBODYS, Action.READ)).as(caller.name()).isTrue();
        }
        assertThat(access.may(null, CLOSED, Action.READ)).as("no token, no answer").isFalse();
    }

    @Test
    void anOpenConnectionIsEveryEngineersToChangeAndEveryTokensToRead() {
        assertThat(access.may(BOB, OPEN, Action.CHANGE)).isTrue();
        assertThat(access.may(BOB, OPEN, Action.SEE_DATA)).isTrue();
        assertThat(access.may(VIEWER, OPEN, Action.SEE_DATA)).isTrue();
        assertThat(access.may(APPROVER, OPEN, Action.SEE_DATA)).isTrue();
        assertThat(access.may(VIEWER, OPEN, Action.CHANGE)).as("a VIEWER writes nothing").isFalse();
        assertThat(access.refusal(VIEWER, OPEN, Action.CHANGE)).contains("a VIEWER token may not change connections");
    }

    @Test
    void aViewerThatOwnsAConnectionReadsItsDataButChangesNothing() {
        Ownership viewers = new Ownership("acme", "vera", false);
        assertThat(access.may(VIEWER, viewers, Action.SEE_DATA)).isTrue();
        assertThat(access.may(VIEWER, viewers, Action.CHANGE)).isFalse();
    }

    @Test
    void aConnectionWithoutAnOwnerIsTheAdminsUntilItIsOpened() {
        assertThat(access.may(ALICE, NOBODYS, Action.CHANGE)).isFalse();
        assertThat(access.may(ADMIN, NOBODYS, Action.CHANGE)).isTrue();
        assertThat(access.refusal(ALICE, NOBODYS, Action.SEE_DATA)).contains("connection boot has no owner: only an "
                + "ADMIN may see its companies and their data, unless an ADMIN allows others to edit it");
        assertThat(access.may(ALICE, new Ownership("boot", null, true), Action.CHANGE)).isTrue();
    }

    @Test
    void aCompanyIsOpenWhenOneOfItsConnectionsIs() {
        Ownership bobs = new Ownership("bobs", "bob", false);
        assertThat(access.refusalOfCompany(ALICE, 7, List.of(CLOSED, bobs), Action.SEE_DATA)).isEmpty();
        assertThat(access.refusalOfCompany(VIEWER, 7, List.of(bobs, OPEN), Action.SEE_DATA)).isEmpty();
        assertThat(access.refusalOfCompany(ADMIN, 7, List.of(), Action.SEE_DATA)).isEmpty();
        assertThat(access.refusalOfCompany(BOB, 7, List.of(CLOSED), Action.SEE_DATA)).contains("company 7 is brought "
                + "only by connections closed to bob: acme (belongs to alice); only their owners or an ADMIN may see "
                + "its data, unless an owner allows others to edit the connection");
        assertThat(access.refusalOfCompany(BOB, 7, List.of(), Action.SEE_DATA))
                .contains("company 7 is brought by no live connection: only an ADMIN may see its data");
        assertThat(access.refusalOfCompany(VIEWER, 7, List.of(OPEN), Action.CHANGE))
                .contains("a VIEWER token may not change companies");
        assertThat(access.seesEveryCompany(ADMIN)).isTrue();
        assertThat(access.seesEveryCompany(ALICE)).isFalse();
    }

    @Test
    void theCreatorOwnsWhatItCreatesUnlessAnAdminNamesAnother() {
        assertThat(access.ownerOfNew(ALICE, null)).isEqualTo("alice");
        assertThat(access.ownerOfNew(ADMIN, "alice")).isEqualTo("alice");
        assertThat(access.refusalOfCreate(ALICE, null, new Ownership("new", "alice", false))).isEmpty();
        assertThat(access.refusalOfCreate(ADMIN, null, new Ownership("new", "bob", false))).isEmpty();
        assertThat(access.refusalOfCreate(ALICE, null, new Ownership("new", "bob", false)))
                .contains(new FieldProblem("owner", "only an ADMIN may make another token the owner of a connection: "
                        + "leave owner out, or name yourself (alice)"));
    }

    @Test
    void creatingAnArchivedConnectionAgainIsChangingIt() {
        assertThat(access.refusalOfCreate(BOB, CLOSED, new Ownership("acme", "bob", false)))
                .hasValueSatisfying(problem -> {
                    assertThat(problem.field()).isEqualTo("id");
                    assertThat(problem.message()).startsWith("connection acme belongs to alice: only alice or an "
                            + "ADMIN may change it").contains("archived");
                });
        assertThat(access.refusalOfCreate(BOB, OPEN, new Ownership("acme", "bob", false))).isEmpty();
        assertThat(access.refusalOfCreate(ALICE, CLOSED, new Ownership("acme", "alice", false))).isEmpty();
    }

    @Test
    void onlyAnAdminChangesTheOwnerAndOnlyTheOwnerOrAnAdminTurnsTheSwitch() {
        assertThat(access.refusalOfChange(ALICE, CLOSED, OPEN)).isEmpty();
        assertThat(access.refusalOfChange(ADMIN, CLOSED, new Ownership("acme", "bob", true))).isEmpty();
        assertThat(access.refusalOfChange(ALICE, CLOSED, new Ownership("acme", "bob", false)))
                .map(FieldProblem::field).contains("owner");
        assertThat(access.refusalOfChange(BOB, OPEN, new Ownership("acme", "bob", true)))
                .as("taking over an open connection").map(FieldProblem::field).contains("owner");
        assertThat(access.refusalOfChange(BOB, OPEN, CLOSED)).contains(new FieldProblem("allowOthersToEdit",
                "only alice or an ADMIN may turn allowOthersToEdit on or off for connection acme: leave it out to "
                        + "keep it"));
        assertThat(access.refusalOfChange(BOB, OPEN, OPEN)).as("an open connection, changed otherwise").isEmpty();
        assertThat(access.refusalOfChange(BOB, CLOSED, CLOSED)).map(FieldProblem::field).contains("id");
    }

    @Test
    void turningTheSwitchOnIsWarnedOfOnce() {
        assertThat(access.warnings(null, OPEN)).containsExactly(ConnectionAccess.OPENED_WARNING);
        assertThat(access.warnings(CLOSED, OPEN)).containsExactly(ConnectionAccess.OPENED_WARNING);
        assertThat(access.warnings(OPEN, OPEN)).isEmpty();
        assertThat(access.warnings(OPEN, CLOSED)).isEmpty();
        assertThat(access.warnings(null, CLOSED)).isEmpty();
        assertThat(ConnectionAccess.OPENED_WARNING).contains("every ENGINEER").contains("see all its companies");
    }
}
