package io.passerelle.document;

import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.canonical.KeyNormalizer;
import io.passerelle.connection.Connection;
import io.passerelle.idformat.IdFormats;
import io.passerelle.idformat.IdKind;
import io.passerelle.sync.SyncedKey;
import io.passerelle.sync.SyncedKeys;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ERP ids one financial document names (its vendor and project, each line's project task and cost code),
 * checked against the records synced for its connection's company. They are compared by
 * {@link KeyNormalizer#matchKey match key}, as the sync keyed them, so "ACIERLEROU" followed by a no-break space
 * is ACIERLEROU; what is stored and sent is the synced record's code as the ERP spells it, never the platform's
 * spelling. The project may also be a platform project the connection's {@code projects} code map links to an ERP
 * project (seed 002 step 7): then the document keeps the platform's code, which the export translates through the
 * map, and its project tasks are those of the linked ERP project; a link wins over an ERP project of the same
 * spelling, as at export. A project task is looked up under the document's project. One lookup per kind for the whole
 * document: name every id ({@link #vendor}, {@link #project}, {@link #projectTask}, {@link #costCode}), then
 * {@link #resolve()} once, then read each field's id to store with {@link #erpId}. The connection's
 * {@code options.idFormats} are checked on the id that will be sent. A plain helper, one per request.
 */
final class SyncedIds {

    private record Wanted(String field, CanonicalEntity entity, String given, String key, String project) {
    }

    private final SyncedKeys keys;
    private final ProjectLinks links;
    private final Connection connection;
    private final IdFormats formats;
    private final FieldChecks checks;
    private final List<Wanted> wanted = new ArrayList<>();
    private final Map<String, String> erpIds = new HashMap<>();
    /** The connection's links for the document's project: platform code → ERP project number. */
    private Map<String, String> linked = Map.of();

    /** {@code connection} may be null (it was refused): then nothing is looked up. */
    public SyncedIds(SyncedKeys keys, ProjectLinks links, Connection connection, IdFormats formats, FieldChecks checks) {
        this.keys = keys;
        this.links = links;
        this.connection = connection;
        this.formats = formats;
        this.checks = checks;
    }

    /** {@code given} as {@link FieldChecks#text} answered it: null when it was missing or refused. */
    public void vendor(String field, String given) {
        want(field, CanonicalEntity.VENDOR, given, KeyNormalizer.matchKey(given), null);
    }

    public void project(String field, String given) {
        want(field, CanonicalEntity.PROJECT, given, KeyNormalizer.matchKey(given), null);
    }

    /**
     * A task of {@code project} (the document's project as given; null when missing or refused, and then the task
     * is not looked up: the project is what is wrong, reported on its own field).
     */
    public void projectTask(String field, String project, String given) {
        if (KeyNormalizer.matchKey(project) != null) {
            // the task's own key: it is looked up under the ERP project the document's project is, once resolved
            want(field, CanonicalEntity.PROJECT_TASK, given, KeyNormalizer.matchKey(given), project);
        }
    }

    public void costCode(String field, String given) {
        want(field, CanonicalEntity.COST_CODE, given, KeyNormalizer.matchKey(given), null);
    }

    private void want(String field, CanonicalEntity entity, String given, String key, String project) {
        if (given == null) {
            return;
        }
        if (key == null) {
            checks.add(field, "required"); // only invisible characters or spaces String.strip keeps (no-break)
            return;
        }
        wanted.add(new Wanted(field, entity, given, key, project));
    }

    /** Looks every named id up, one query per kind, and adds a problem for each one the company does not have. */
    public void resolve() {
        if (connection == null || wanted.isEmpty()) {
            return;
        }
        Optional<Long> companyId = keys.companyOfConnection(connection.id());
        if (companyId.isEmpty()) {
            checks.add("connection", "no such connection");
            return;
        }
        Set<String> projectKeys = new LinkedHashSet<>();
        wanted.stream().filter(w -> w.entity() == CanonicalEntity.PROJECT).forEach(w -> projectKeys.add(w.key()));
        linked = projectKeys.isEmpty() ? Map.of() : links.linked(connection.id(), projectKeys);
        Map<CanonicalEntity, Set<String>> byEntity = new EnumMap<>(CanonicalEntity.class);
        for (Wanted w : wanted) {
            byEntity.computeIfAbsent(w.entity(), e -> new LinkedHashSet<>()).add(lookupKey(w));
        }
        Map<CanonicalEntity, Map<String, SyncedKey>> found = new EnumMap<>(CanonicalEntity.class);
        byEntity.forEach((entity, matchKeys) -> found.put(entity, keys.find(companyId.get(), entity, matchKeys)));
        Set<String> unknownProjects = new LinkedHashSet<>();
        for (Wanted w : wanted) {
            if (w.entity() == CanonicalEntity.PROJECT && record(found, w) == null) {
                unknownProjects.add(w.key());
            }
        }
        for (Wanted w : wanted) {
            if (w.entity() == CanonicalEntity.PROJECT_TASK && unknownProjects.contains(KeyNormalizer.matchKey(w.project()))) {
                continue; // the project is what is wrong, and it is reported on its own field
            }
            SyncedKey record = record(found, w);
            String link = w.entity() == CanonicalEntity.PROJECT ? linked.get(w.key()) : null;
            if (record == null) {
                checks.add(w.field(), unknown(w, link));
                formatProblems(w.field(), w.entity(), link != null ? link : w.given());
            } else if (link != null) {
                // the platform's code is stored (the export translates it through the map); the ERP's is what is sent
                erpIds.put(w.field(), w.given());
                formatProblems(w.field(), w.entity(), record.code());
            } else if (record.code().codePointCount(0, record.code().length()) > FieldChecks.MAX_ID) {
                checks.add(w.field(), "the ERP spells it with more than " + FieldChecks.MAX_ID
                        + " characters, which a document cannot hold");
            } else {
                erpIds.put(w.field(), record.code());
                formatProblems(w.field(), w.entity(), record.code());
            }
        }
    }

    /**
     * The key the synced record is looked up by: a project's own, or that of the ERP project its platform project is
     * linked to; a task's under its document's project so resolved.
     */
    private String lookupKey(Wanted w) {
        return switch (w.entity()) {
            case PROJECT -> erpProjectKey(w.key());
            case PROJECT_TASK -> KeyNormalizer.compositeKey(erpProjectKey(KeyNormalizer.matchKey(w.project())), w.key());
            default -> w.key();
        };
    }

    private String erpProjectKey(String projectKey) {
        String linkedKey = KeyNormalizer.matchKey(linked.get(projectKey));
        return linkedKey != null ? linkedKey : projectKey;
    }

    /**
     * The id to store for {@code field}: as the ERP spells it, or, for a project the connection links, the platform's
     * code (translated when the document is sent); null when it was not found or not named.
     */
    public String erpId(String field) {
        return erpIds.get(field);
    }

    private SyncedKey record(Map<CanonicalEntity, Map<String, SyncedKey>> found, Wanted w) {
        return found.getOrDefault(w.entity(), Map.of()).get(lookupKey(w));
    }

    private void formatProblems(String field, CanonicalEntity entity, String id) {
        for (String violation : formats.violations(connection, idKind(entity), id, field)) {
            checks.add(field, violation);
        }
    }

    private String unknown(Wanted w, String link) {
        String from = " synced from " + connection.id();
        return switch (w.entity()) {
            case VENDOR -> "no vendor '" + w.given() + "' among the vendors" + from;
            case PROJECT -> link != null
                    ? "project '" + w.given() + "' is linked to '" + link + "', which is not among the projects" + from
                    : "no project '" + w.given() + "' among the projects" + from + ", nor a platform project linked"
                            + " in its projects map (PUT /api/connections/" + connection.id() + "/maps/projects)";
            case PROJECT_TASK -> "no task '" + w.given() + "' of project '" + w.project() + "' among the project tasks"
                    + from;
            case COST_CODE -> "no cost code '" + w.given() + "' among the cost codes" + from;
            default -> throw new IllegalStateException("not an id of a financial document: " + w.entity());
        };
    }

    private static IdKind idKind(CanonicalEntity entity) {
        return switch (entity) {
            case VENDOR -> IdKind.VENDOR_ID;
            case PROJECT -> IdKind.PROJECT_ID;
            case PROJECT_TASK -> IdKind.PROJECT_TASK_ID;
            case COST_CODE -> IdKind.COST_CODE;
            default -> throw new IllegalStateException("not an id of a financial document: " + entity);
        };
    }
}
