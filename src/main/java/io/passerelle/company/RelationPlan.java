package io.passerelle.company;

import java.util.List;

/**
 * What an import does to a company's relations ({@link RelationImport}): relations to add, imported ones to update
 * (the importing connection becomes theirs), ones to end today and ones to remove (they never started).
 */
public record RelationPlan(List<Addition> additions, List<Change> changes, List<Long> ended, List<Long> removed) {

    public RelationPlan {
        additions = List.copyOf(additions);
        changes = List.copyOf(changes);
        ended = List.copyOf(ended);
        removed = List.copyOf(removed);
    }

    boolean isEmpty() {
        return additions.isEmpty() && changes.isEmpty() && ended.isEmpty() && removed.isEmpty();
    }

    /** A relation the company did not have; {@code duplicateOf} the current manual one it repeats, or null. */
    public record Addition(IncomingRelation relation, Long duplicateOf) {
    }

    /** An imported relation that now says {@code relation}. */
    public record Change(long id, IncomingRelation relation, Long duplicateOf) {
    }
}
