package io.passerelle.company;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What an import of a company does to its relations, decided without a database: the relations its ERP lists now
 * against those the company has.
 * <ul>
 * <li>A listed relation is the imported one of the same role with the same id in that ERP, else with the same name
 *     once folded ({@link RelationNames}) that no other id of that ERP claims; whichever connection imported it last,
 *     so that two connections bringing one company keep one set of relations. It is updated when it says something
 *     else (the importing connection becomes its own), and added when none matches.</li>
 * <li>An imported relation of this connection that its ERP no longer lists ends today; one that never started (no
 *     start date, or one after today) is removed. One that had already ended stays as it was: it is not current.</li>
 * <li>Manual relations are never changed or removed. A current one that the import brings in too (same role, same
 *     folded name) makes the imported one its duplicate ({@code duplicateOf}), not a second current relation.</li>
 * </ul>
 */
public final class RelationImport {

    /**
     * @param existing     the company's relations, imported and manual
     * @param connectionId the importing connection
     * @param erp          its ERP: ids of other ERPs' relations are not comparable with its own
     * @param incoming     what the ERP lists now, in its order
     * @param today        the day an unlisted relation ends (UTC)
     */
    public RelationPlan plan(List<Relation> existing, String connectionId, String erp, List<IncomingRelation> incoming,
            LocalDate today) {
        List<Relation> unmatched = new ArrayList<>(existing.stream().filter(Relation::imported)
                // the importing connection's own first: when two rows could match, the one it brought is kept
                .sorted(Comparator.comparing((Relation r) -> !connectionId.equals(r.connectionId()))
                        .thenComparingLong(Relation::id))
                .toList());
        List<Relation> manual = existing.stream().filter(r -> !r.imported() && r.currentOn(today)).toList();
        List<RelationPlan.Addition> additions = new ArrayList<>();
        List<RelationPlan.Change> changes = new ArrayList<>();
        for (IncomingRelation relation : incoming) {
            Relation match = sameId(unmatched, relation, erp);
            if (match == null) {
                match = sameName(unmatched, relation, erp);
            }
            Long duplicateOf = relation.fields().currentOn(today) ? duplicateOf(manual, relation) : null;
            if (match == null) {
                additions.add(new RelationPlan.Addition(relation, duplicateOf));
                continue;
            }
            unmatched.remove(match);
            if (!match.fields().sameAs(relation.fields()) || !Objects.equals(match.remoteId(), relation.remoteId())
                    || !connectionId.equals(match.connectionId()) || !Objects.equals(match.duplicateOf(), duplicateOf)) {
                changes.add(new RelationPlan.Change(match.id(), relation, duplicateOf));
            }
        }
        List<Long> ended = new ArrayList<>();
        List<Long> removed = new ArrayList<>();
        for (Relation gone : unmatched) {
            if (!connectionId.equals(gone.connectionId())) {
                continue; // another connection's: its own imports say whether its ERP still lists it
            }
            LocalDate start = gone.fields().startDate();
            if (start == null || start.isAfter(today)) {
                removed.add(gone.id());
            } else if (gone.fields().endDate() == null || gone.fields().endDate().isAfter(today)) {
                ended.add(gone.id());
            }
        }
        return new RelationPlan(additions, changes, ended, removed);
    }

    private static Relation sameId(List<Relation> candidates, IncomingRelation relation, String erp) {
        if (relation.remoteId() == null) {
            return null;
        }
        for (Relation candidate : candidates) {
            if (candidate.role() == relation.fields().role() && erp.equals(candidate.erp())
                    && relation.remoteId().equals(candidate.remoteId())) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * The same name, unless both carry ids of this ERP that differ: the ERP then holds two persons of one name
     * (spelled apart by a space or a capital), and they stay two relations, for the duplicate check to report.
     */
    private static Relation sameName(List<Relation> candidates, IncomingRelation relation, String erp) {
        String name = relation.fields().nameKey();
        for (Relation candidate : candidates) {
            boolean otherId = relation.remoteId() != null && candidate.remoteId() != null && erp.equals(candidate.erp())
                    && !relation.remoteId().equals(candidate.remoteId());
            if (candidate.role() == relation.fields().role() && candidate.nameKey().equals(name) && !otherId) {
                return candidate;
            }
        }
        return null;
    }

    private static Long duplicateOf(List<Relation> manual, IncomingRelation relation) {
        String name = relation.fields().nameKey();
        return manual.stream().filter(m -> m.role() == relation.fields().role() && m.nameKey().equals(name))
                .map(Relation::id).findFirst().orElse(null);
    }
}
