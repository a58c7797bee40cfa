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
 * spelling. A project task is looked up under the document's project. One lookup per kind for the whole
 * document: name every id ({@link #vendor}, {@link #project}, {@link #projectTask}, {@link #costCode}), then
 * {@link #resolve()} once, then read each field's ERP id with {@link #erpId}. The connection's
 * {@code options.idFormats} are checked on the id that will be sent. A plain helper, one per request.
 */
final class SyncedIds {

    private record Wanted(String field, CanonicalEntity entity, String given, String key, String project) {
    }

    private final SyncedKeys keys;
    private final Connection connection;
    private final IdFormats formats;
    private final FieldChecks checks;
    private final List<Wanted> wanted = new ArrayList<>();
    private final Map<String, String> erpIds = new HashMap<>();

    /** {@code connection} may be null (it was refused): then nothing is looked up. */
    public SyncedIds(SyncedKeys keys, Connection connection, IdFormats formats, FieldChecks checks) {
        this.keys = keys;
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
        String projectKey = KeyNormalizer.matchKey(project);
        if (projectKey != null) {
            String taskKey = KeyNormalizer.matchKey(given);
            want(field, CanonicalEntity.PROJECT_TASK, given,
                    taskKey == null ? null : KeyNormalizer.compositeKey(projectKey, taskKey), project);
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
        Map<CanonicalEntity, Set<String>> byEntity = new EnumMap<>(CanonicalEntity.class);
        for (Wanted w : wanted) {
            byEntity.computeIfAbsent(w.entity(), e -> new LinkedHashSet<>()).add(w.key());
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
            if (record == null) {
                checks.add(w.field(), unknown(w));
                formatProblems(w.field(), w.entity(), w.given());
            } else if (record.code().codePointCount(0, record.code().length()) > FieldChecks.MAX_ID) {
                checks.add(w.field(), "the ERP spells it with more than " + FieldChecks.MAX_ID
                        + " characters, which a document cannot hold");
            } else {
                erpIds.put(w.field(), record.code());
                formatProblems(w.field(), w.entity(), record.code());
            }
        }
    }

    /** The id to store and send for {@code field}, as the ERP spells it; null when it was not found or not named. */
    public String erpId(String field) {
        return erpIds.get(field);
    }

    private static SyncedKey record(Map<CanonicalEntity, Map<String, SyncedKey>> found, Wanted w) {
        return found.getOrDefault(w.entity(), Map.of()).get(w.key());
    }

    private void formatProblems(String field, CanonicalEntity entity, String id) {
        for (String violation : formats.violations(connection, idKind(entity), id, field)) {
            checks.add(field, violation);
        }
    }

    private String unknown(Wanted w) {
        String from = " synced from " + connection.id();
        return switch (w.entity()) {
            case VENDOR -> "no vendor '" + w.given() + "' among the vendors" + from;
            case PROJECT -> "no project '" + w.given() + "' among the projects" + from;
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
