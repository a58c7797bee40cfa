package io.passerelle.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.passerelle.api.security.ApiPrincipal;
import io.passerelle.api.security.ConnectionAccess;
import io.passerelle.api.security.ConnectionAccess.Action;
import io.passerelle.company.CompanyService;
import io.passerelle.connection.ConnectionService;
import io.passerelle.connection.FieldProblem;
import io.passerelle.connection.Ownership;
import io.passerelle.connection.OwnershipCheck;
import io.passerelle.importjob.ImportJobService;
import io.passerelle.run.RunHistory;
import io.passerelle.run.RunView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Enforces {@link ConnectionAccess} once per request, before the controller, keyed on the matched path rather than
 * on each controller remembering to ask: every endpoint under {@code /api/connections/{id}} and
 * {@code /api/companies/{id}}, and every write under {@code /api/runs/{runId}}, is guarded as soon as it is mapped.
 * <ul>
 * <li>{@code /api/connections/{id}/**}: a write is {@link Action#CHANGE}; a read is {@link Action#SEE_DATA}, except
 * the reads of its settings listed in {@link #SETTINGS_READS} ({@link Action#READ}). A new read endpoint is closed
 * until it is listed there.</li>
 * <li>{@code /api/companies/{id}/**}: a read is {@link Action#SEE_DATA}, a write {@link Action#CHANGE}, allowed when
 * one of the live connections that bring the company allows it.</li>
 * <li>{@code /api/runs/{runId}/**} writes (a retry): {@link Action#CHANGE} of the run's connection.</li>
 * <li>{@code /api/import-jobs/{id}/**}: an import job is its connection's; a read is {@link Action#SEE_DATA} (a job
 * names the connection's companies and shows their runs), a write or a run {@link Action#CHANGE}. A new job is
 * checked by its controller ({@link #require}), the listing filtered with {@link #openConnections()}.</li>
 * </ul>
 * The application does not start with an endpoint under those paths whose variable is named otherwise. An id that
 * names nothing goes through: the controller answers its 404. Creating a connection and changing its owner
 * or switch are checked where the change is stored, under its row lock ({@link #creation()}, {@link #change()}); the
 * company listing shows only what {@link #openConnections()} opens.
 */
@Component
public class ConnectionGuard implements HandlerInterceptor {

    static final String CONNECTION = "/api/connections/{id}";
    static final String COMPANY = "/api/companies/{id}";
    static final String RUN = "/api/runs/{runId}";
    static final String IMPORT_JOB = "/api/import-jobs/{id}";
    /** The reads under a connection that show its settings, not its companies' data. */
    static final Set<String> SETTINGS_READS = Set.of(CONNECTION, CONNECTION + "/maps/{kind}", CONNECTION + "/cursors",
            CONNECTION + "/alerts", CONNECTION + "/alerts/deliveries");

    private static final Set<String> READS = Set.of("GET", "HEAD");
    /** The paths whose first variable is a connection, a company or a run: it must be named as the guard reads it. */
    private static final Map<String, String> GUARDED = Map.of("/api/connections/{", CONNECTION,
            "/api/companies/{", COMPANY, "/api/runs/{", RUN, "/api/import-jobs/{", IMPORT_JOB);

    private final ConnectionAccess access;
    private final ConnectionService connections;
    private final CompanyService companies;
    private final RunHistory runs;
    private final ImportJobService jobs;

    public ConnectionGuard(ConnectionAccess access, ConnectionService connections, CompanyService companies,
            RunHistory runs, ImportJobService jobs) {
        this.access = access;
        this.connections = connections;
        this.companies = companies;
        this.runs = runs;
        this.jobs = jobs;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Object matched = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (!(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables)
                || matched == null || "OPTIONS".equals(request.getMethod())) {
            return true; // OPTIONS names the methods allowed, nothing of the connection
        }
        String pattern = matched.toString();
        boolean read = READS.contains(request.getMethod());
        if (under(pattern, CONNECTION)) {
            Action action = !read ? Action.CHANGE : SETTINGS_READS.contains(pattern) ? Action.READ : Action.SEE_DATA;
            requireConnection(String.valueOf(variables.get("id")), action, "id");
        } else if (under(pattern, COMPANY)) {
            requireCompany(String.valueOf(variables.get("id")), read ? Action.SEE_DATA : Action.CHANGE);
        } else if (under(pattern, RUN) && !read) {
            requireRun(String.valueOf(variables.get("runId")));
        } else if (under(pattern, IMPORT_JOB)) {
            requireJob(String.valueOf(variables.get("id")), read ? Action.SEE_DATA : Action.CHANGE);
        }
        return true;
    }

    /**
     * Refuses to start with an endpoint the guard would not see: one under a connection, company or run whose variable
     * is named otherwise than {@code {id}} ({@code {runId}}).
     */
    @EventListener(ContextRefreshedEvent.class)
    void everyGuardedPathNamesItsVariable(ContextRefreshedEvent refreshed) {
        for (RequestMappingHandlerMapping mapping
                : refreshed.getApplicationContext().getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            List<String> unguarded = unguarded(mapping.getHandlerMethods().keySet().stream()
                    .flatMap(info -> info.getPatternValues().stream()).toList());
            if (!unguarded.isEmpty()) {
                throw new IllegalStateException("ConnectionGuard cannot guard " + unguarded + ": name the variable as "
                        + GUARDED.values() + " do");
            }
        }
    }

    /** The patterns under a connection, company or run whose variable the guard would not find. */
    static List<String> unguarded(Collection<String> patterns) {
        return patterns.stream().filter(pattern -> GUARDED.entrySet().stream().anyMatch(
                guarded -> pattern.startsWith(guarded.getKey()) && !under(pattern, guarded.getValue()))).toList();
    }

    /**
     * The live connections whose companies the caller may list; null when it may list every company. Public for the
     * console's Companies page, which lists what {@code GET /api/companies} lists.
     */
    public List<String> openConnections() {
        ApiPrincipal caller = caller();
        if (access.seesEveryCompany(caller)) {
            return null;
        }
        return connections.ownerships().stream().filter(connection -> access.may(caller, connection, Action.SEE_DATA))
                .map(Ownership::connectionId).toList();
    }

    /** The check of a connection the caller creates: see {@link ConnectionAccess#refusalOfCreate}. */
    public Checked creation() {
        ApiPrincipal caller = caller();
        return new Checked((stored, wanted) -> access.refusalOfCreate(caller, stored, wanted), false);
    }

    /** The check of a change of a live connection: see {@link ConnectionAccess#refusalOfChange}. */
    Checked change() {
        ApiPrincipal caller = caller();
        return new Checked((stored, wanted) -> access.refusalOfChange(caller, stored, wanted), true);
    }

    /** The owner of a connection the caller creates, when its body names none: the caller. */
    public String ownerOfNew(String named) {
        return access.ownerOfNew(caller(), named);
    }

    /**
     * Refuses (403, naming {@code field}) what the caller may not do with a live connection; one that does not exist
     * goes through, for the controller to say so.
     */
    void require(String connectionId, Action action, String field) {
        if (connectionId != null) {
            requireConnection(connectionId, action, field);
        }
    }

    private void requireConnection(String id, Action action, String field) {
        if (action == Action.READ) {
            return;
        }
        ApiPrincipal caller = caller();
        connections.ownership(id).flatMap(connection -> access.refusal(caller, connection, action))
                .ifPresent(refusal -> {
                    throw new AccessRefusedException(new FieldProblem(field, refusal));
                });
    }

    private void requireCompany(String id, Action action) {
        long companyId;
        try {
            companyId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return; // the controller says what is wrong with it
        }
        refusalOfCompany(companyId, action).ifPresent(refusal -> {
            throw new AccessRefusedException(new FieldProblem("id", refusal));
        });
    }

    /**
     * Why the caller may not do {@code action} with the company, as {@code /api/companies/{id}/**} refuses it; empty
     * when it may, or when there is no such company (for the caller to say so). Public for the console's pages.
     */
    public Optional<String> refusalOfCompany(long companyId, Action action) {
        Optional<List<String>> through = companies.connectionsOf(companyId);
        if (through.isEmpty()) {
            return Optional.empty();
        }
        List<Ownership> ownerships = through.get().stream().map(connections::ownership).flatMap(Optional::stream)
                .toList();
        return access.refusalOfCompany(caller(), companyId, ownerships, action);
    }

    private void requireRun(String runId) {
        long id;
        try {
            id = Long.parseLong(runId);
        } catch (NumberFormatException e) {
            return;
        }
        runs.find(id).map(RunView::connection).ifPresent(connection ->
                requireConnection(connection, Action.CHANGE, "runId"));
    }

    private void requireJob(String jobId, Action action) {
        long id;
        try {
            id = Long.parseLong(jobId);
        } catch (NumberFormatException e) {
            return;
        }
        jobs.connectionOf(id).ifPresent(connection -> requireConnection(connection, action, "id"));
    }

    private static boolean under(String pattern, String prefix) {
        return pattern.equals(prefix) || pattern.startsWith(prefix + "/");
    }

    private static ApiPrincipal caller() {
        return ApiPrincipal.current().orElse(null);
    }

    /** A check asked under the connection's row lock; it remembers what was stored, for the answer's warnings. */
    public final class Checked implements OwnershipCheck {

        private final Rule rule;
        private final boolean storedCounts;
        private Ownership before;

        private Checked(Rule rule, boolean storedCounts) {
            this.rule = rule;
            this.storedCounts = storedCounts;
        }

        @Override
        public void check(Ownership stored, Ownership wanted) {
            rule.refusal(stored, wanted).ifPresent(refusal -> {
                throw new AccessRefusedException(refusal);
            });
            // an archived connection created again is new to whoever reads it: its switch was not on for them
            before = storedCounts ? stored : null;
        }

        /** The warnings for the answer of what was stored. */
        public List<String> warnings(Ownership after) {
            return access.warnings(before, after);
        }
    }

    @FunctionalInterface
    private interface Rule {
        Optional<FieldProblem> refusal(Ownership stored, Ownership wanted);
    }
}
