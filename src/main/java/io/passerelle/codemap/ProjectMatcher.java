package io.passerelle.codemap;

import io.passerelle.canonical.KeyNormalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which synced ERP projects a platform project probably is, for the suggestions of a projects map: those whose number
 * agrees with the platform project's code, and those whose name agrees with its name, each compared by
 * {@link KeyNormalizer#looseKey} (case, accents, spaces and punctuation aside: "DRV-118" is "drv 118", "Tour Boréal"
 * is "TOUR BOREAL"), the key the sync keeps for near-matches it must not merge by itself. It proposes, never links.
 * Plain Java: give it the platform's projects, then every ERP project once ({@link #offer}), then read
 * {@link #proposals}; memory is bounded by the platform's projects, not the ERP's.
 */
public final class ProjectMatcher {

    /** Why a link is proposed. */
    public enum Reason {
        NUMBER("number"), NAME("name");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** A platform project: its code and, when the platform gave it, its name. */
    public record PlatformProject(String code, String name) {
    }

    /** A synced ERP project: its number as the ERP spells it, name and status. */
    public record ErpProject(String number, String name, String status) {
    }

    /** One proposed link: the ERP project and why. */
    public record Match(ErpProject project, Reason reason) {
    }

    /** At most this many proposals per platform project: past that the agreement says little. */
    static final int MAX_MATCHES = 10;

    private final List<PlatformProject> platform;
    private final Map<String, List<Integer>> byCode = new HashMap<>();
    private final Map<String, List<Integer>> byName = new HashMap<>();
    private final List<Map<String, Match>> matches = new ArrayList<>();

    public ProjectMatcher(List<PlatformProject> platform) {
        this.platform = List.copyOf(platform);
        for (int i = 0; i < this.platform.size(); i++) {
            PlatformProject project = this.platform.get(i);
            index(byCode, KeyNormalizer.looseKey(project.code()), i);
            index(byName, KeyNormalizer.looseKey(project.name()), i);
            matches.add(new LinkedHashMap<>());
        }
    }

    /** One synced ERP project, compared with every platform project. */
    public void offer(ErpProject erp) {
        for (int i : found(byCode, erp.number())) {
            // the number is the stronger reason: it replaces a name match of the same project
            matches.get(i).put(erp.number(), new Match(erp, Reason.NUMBER));
        }
        for (int i : found(byName, erp.name())) {
            matches.get(i).putIfAbsent(erp.number(), new Match(erp, Reason.NAME));
        }
    }

    /** Each platform project's proposals, in the order given: number matches first, then by ERP number. */
    public List<List<Match>> proposals() {
        List<List<Match>> all = new ArrayList<>(platform.size());
        for (Map<String, Match> found : matches) {
            all.add(found.values().stream()
                    .sorted(Comparator.comparing((Match m) -> m.reason().ordinal())
                            .thenComparing(m -> m.project().number()))
                    .limit(MAX_MATCHES)
                    .toList());
        }
        return all;
    }

    private static List<Integer> found(Map<String, List<Integer>> index, String raw) {
        String key = KeyNormalizer.looseKey(raw);
        return key == null || key.isEmpty() ? List.of() : index.getOrDefault(key, List.of());
    }

    private static void index(Map<String, List<Integer>> index, String key, int at) {
        if (key != null && !key.isEmpty()) {
            index.computeIfAbsent(key, k -> new ArrayList<>()).add(at);
        }
    }
}
