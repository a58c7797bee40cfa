package io.passerelle.api.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.passerelle.connection.FieldProblem;
import io.passerelle.connection.Ownership;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a connection, the seed's "Allow other users to edit this connection" switch included (API.md,
 * Connections: {@code owner}, {@code allowOthersToEdit}). Plain decisions over the caller and the connection's
 * {@link Ownership}; {@code api/ConnectionGuard} asks them once per request.
 * <ul>
 * <li>{@link Action#READ}, the connection's settings (credentials redacted), code maps, cursors and runs: every
 * token.</li>
 * <li>{@link Action#SEE_DATA}, its companies and their data (records, relations, checks), through the connection or
 * through the company: ADMIN, the owner, and every token once the owner allows others to edit it. A read-only token
 * reads what the engineers it works with read; a connection nobody opened stays its owner's.</li>
 * <li>{@link Action#CHANGE}, replacing, deleting, testing, linking, running it, its code maps, cursors, selection of
 * companies and its companies' manual relations: ADMIN, the owner when an ENGINEER, and every ENGINEER once the owner
 * allows others to edit it.</li>
 * </ul>
 * A connection without an owner (a bootstrap file that names none) is an ADMIN's until one gives it an owner or opens
 * it. Only an ADMIN names an owner other than itself or changes one; only the owner or an ADMIN turns the switch.
 */
@Component
public class ConnectionAccess {

    /** What the answer of a create or a change that turned the switch on says, after the seed's warning. */
    public static final String OPENED_WARNING = "Others may now edit this connection and see all its companies: "
            + "every ENGINEER can change, test, run and delete it, and every token (VIEWERs and APPROVERs too) can "
            + "read the data of its companies. Set allowOthersToEdit to false to make it its owner's alone again.";

    public enum Action {
        READ, SEE_DATA, CHANGE
    }

    public boolean may(ApiPrincipal caller, Ownership connection, Action action) {
        if (caller == null) {
            return false;
        }
        if (caller.role() == Role.ADMIN || action == Action.READ) {
            return true;
        }
        boolean owner = connection.owner() != null && connection.owner().equals(caller.name());
        return switch (action) {
            case SEE_DATA -> owner || connection.allowOthersToEdit();
            case CHANGE -> caller.role() == Role.ENGINEER && (owner || connection.allowOthersToEdit());
            case READ -> true;
        };
    }

    /** Why the caller may not, in words; empty when it may. */
    public Optional<String> refusal(ApiPrincipal caller, Ownership connection, Action action) {
        if (may(caller, connection, action)) {
            return Optional.empty();
        }
        if (caller == null) {
            return Optional.of("this call needs a token");
        }
        if (action == Action.CHANGE && caller.role() != Role.ENGINEER) {
            return Optional.of("a " + caller.role() + " token may not change connections");
        }
        String what = action == Action.CHANGE ? "change it" : "see its companies and their data";
        String owner = connection.owner();
        if (owner == null) {
            return Optional.of("connection " + connection.connectionId() + " has no owner: only an ADMIN may " + what
                    + ", unless an ADMIN allows others to edit it");
        }
        return Optional.of("connection " + connection.connectionId() + " belongs to " + owner + ": only " + owner
                + " or an ADMIN may " + what + ", unless " + owner + " allows others to edit it");
    }

    /** Whether the caller may list every platform company, also those no live connection brings: an ADMIN. */
    public boolean seesEveryCompany(ApiPrincipal caller) {
        return isAdmin(caller);
    }

    /**
     * Why the caller may not see (or, for {@link Action#CHANGE}, change) a platform company's data, given the live
     * connections that bring it; empty when one of them lets it. A company no live connection brings is an ADMIN's.
     */
    public Optional<String> refusalOfCompany(ApiPrincipal caller, long companyId, List<Ownership> connections,
            Action action) {
        if (isAdmin(caller) || connections.stream().anyMatch(connection -> may(caller, connection, action))) {
            return Optional.empty();
        }
        if (caller != null && action == Action.CHANGE && caller.role() != Role.ENGINEER) {
            return Optional.of("a " + caller.role() + " token may not change companies");
        }
        String what = action == Action.CHANGE ? "change" : "see";
        if (connections.isEmpty()) {
            return Optional.of("company " + companyId + " is brought by no live connection: only an ADMIN may " + what
                    + " its data");
        }
        List<String> closed = new ArrayList<>();
        for (Ownership connection : connections) {
            closed.add(connection.connectionId() + " (" + (connection.owner() == null ? "no owner"
                    : "belongs to " + connection.owner()) + ")");
        }
        return Optional.of("company " + companyId + " is brought only by connections closed to "
                + (caller == null ? "this call" : caller.name()) + ": " + String.join(", ", closed) + "; only their "
                + "owners or an ADMIN may " + what + " its data, unless an owner allows others to edit the connection");
    }

    /** The owner of a connection the caller creates: the one the body names, else the caller. */
    public String ownerOfNew(ApiPrincipal caller, String named) {
        return named != null ? named : caller == null ? null : caller.name();
    }

    /**
     * What refuses a connection the caller creates: another owner than itself, unless an ADMIN; for an id that is an
     * archived connection's ({@code archived}, else null), creating it again is changing it: the caller must be
     * allowed to change it.
     */
    public Optional<FieldProblem> refusalOfCreate(ApiPrincipal caller, Ownership archived, Ownership wanted) {
        if (archived != null) {
            Optional<String> closed = refusal(caller, archived, Action.CHANGE);
            if (closed.isPresent()) {
                return Optional.of(new FieldProblem("id", closed.get() + " (it is archived: creating it again "
                        + "would pick up its history)"));
            }
        }
        if (!isAdmin(caller) && !sameName(wanted.owner(), caller)) {
            return Optional.of(new FieldProblem("owner", "only an ADMIN may make another token the owner of a "
                    + "connection: leave owner out, or name yourself" + (caller == null ? "" : " (" + caller.name() + ")")));
        }
        return Optional.empty();
    }

    /**
     * What refuses a change of a live connection from {@code stored} to {@code wanted}: a caller not allowed to
     * change it; a new owner, unless an ADMIN names it; the switch turned by another than the owner or an ADMIN.
     */
    public Optional<FieldProblem> refusalOfChange(ApiPrincipal caller, Ownership stored, Ownership wanted) {
        Optional<String> closed = refusal(caller, stored, Action.CHANGE);
        if (closed.isPresent()) {
            return Optional.of(new FieldProblem("id", closed.get()));
        }
        if (isAdmin(caller)) {
            return Optional.empty();
        }
        if (!Objects.equals(stored.owner(), wanted.owner())) {
            return Optional.of(new FieldProblem("owner", "only an ADMIN may change the owner of connection "
                    + stored.connectionId() + " (" + (stored.owner() == null ? "none" : stored.owner())
                    + "): leave owner out to keep it"));
        }
        if (stored.allowOthersToEdit() != wanted.allowOthersToEdit() && !sameName(stored.owner(), caller)) {
            return Optional.of(new FieldProblem("allowOthersToEdit", "only " + (stored.owner() == null ? ""
                    : stored.owner() + " or ") + "an ADMIN may turn allowOthersToEdit on or off for connection "
                    + stored.connectionId() + ": leave it out to keep it"));
        }
        return Optional.empty();
    }

    /** The warnings of an answer that stored {@code after} over {@code before} (null for a new connection). */
    public List<String> warnings(Ownership before, Ownership after) {
        boolean opened = after.allowOthersToEdit() && (before == null || !before.allowOthersToEdit());
        return opened ? List.of(OPENED_WARNING) : List.of();
    }

    private static boolean isAdmin(ApiPrincipal caller) {
        return caller != null && caller.role() == Role.ADMIN;
    }

    private static boolean sameName(String owner, ApiPrincipal caller) {
        return caller != null && owner != null && owner.equals(caller.name());
    }
}
