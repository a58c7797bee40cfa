package io.passerelle.codemap;

import io.passerelle.canonical.KeyNormalizer;
import io.passerelle.connection.Connection;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The code maps as the export engine needs them: platform code → ERP code, per connection. Keys are the
 * platform codes after {@link io.passerelle.canonical.KeyNormalizer#matchKey}, which is also how timesheet lines
 * store their hour type and earning codes; values are the ERP's own spelling, to send as they are: the synced
 * record's spelling now, found by its match key, so that a code the ERP re-spelt since the map was saved ("OT" that
 * became "OT " there) goes as the ERP compares it; the spelling the map was saved with when the record is gone.
 * <p>
 * The answers hold the map's own entries only: a platform code the map does not name is the caller's to decide
 * (a line may name a synced ERP code of the connection's company itself, which timesheet validation accepts); an
 * explicit entry always wins. A code with no translation must be refused before sending. Load a map once
 * per run: each call is one query.
 */
@Component
public class CodeMaps {

    private final CodeMapStore store;

    public CodeMaps(CodeMapStore store) {
        this.store = store;
    }

    /** Platform hour type → ERP hour type code. */
    @Transactional(readOnly = true)
    public Map<String, String> hourTypes(String connectionId) {
        return effective(connectionId, CodeMapKind.HOUR_TYPES);
    }

    /** The ERP code of the entry marked Regular: what a line without an hour type is sent as. */
    @Transactional(readOnly = true)
    public Optional<String> regularHourType(String connectionId) {
        return store.regular(connectionId).map(code -> current(connectionId, CodeMapKind.HOUR_TYPES, List.of(code))
                .getOrDefault(code, code));
    }

    /** Platform earning (expense, premium) code → ERP earning code. */
    @Transactional(readOnly = true)
    public Map<String, String> earnings(String connectionId) {
        return effective(connectionId, CodeMapKind.EARNINGS);
    }

    /**
     * The connection's project links, for one page of items to export (see {@link ProjectTranslation}): platform
     * project → the linked ERP project's number as the ERP spells it now.
     */
    @Transactional(readOnly = true)
    public ProjectTranslation projects(Connection connection) {
        return new ProjectTranslation(connection.id(), connection.erp(), effective(connection.id(), CodeMapKind.PROJECTS));
    }

    /**
     * The ERP project each of these platform projects is linked to in the connection's projects map, as saved:
     * platform code (match key) → ERP project number. What a financial document of the connection is checked with.
     */
    @Transactional(readOnly = true)
    public Map<String, String> linkedProjects(String connectionId, Collection<String> platformKeys) {
        if (platformKeys.isEmpty()) {
            return Map.of();
        }
        return store.links(connectionId, CodeMapKind.PROJECTS, platformKeys);
    }

    /**
     * Only what an engineer mapped: a code without an entry is refused before sending, never guessed
     * to be the ERP code of the same spelling (seed steps 9 and 11 make the mapping a deliberate act).
     */
    private Map<String, String> effective(String connectionId, CodeMapKind kind) {
        List<CodeMapEntry> entries = store.entries(connectionId, kind);
        Map<String, String> spelt = current(connectionId, kind, entries.stream().map(CodeMapEntry::erpCode).toList());
        Map<String, String> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.platformCode(), spelt.getOrDefault(e.erpCode(), e.erpCode())));
        return Map.copyOf(map);
    }

    /** Saved ERP code → the synced record's spelling now, for the codes whose record the company still has. */
    private Map<String, String> current(String connectionId, CodeMapKind kind, List<String> savedCodes) {
        Optional<Long> companyId = store.companyOf(connectionId);
        if (companyId.isEmpty() || savedCodes.isEmpty()) {
            return Map.of();
        }
        Map<String, String> byMatchKey = store.erpCodes(companyId.get(), kind,
                savedCodes.stream().map(KeyNormalizer::matchKey).filter(Objects::nonNull).distinct().toList());
        Map<String, String> current = new HashMap<>();
        for (String saved : savedCodes) {
            String now = byMatchKey.get(KeyNormalizer.matchKey(saved));
            if (now != null) {
                current.put(saved, now);
            }
        }
        return current;
    }
}
