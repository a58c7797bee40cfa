package io.passerelle.company;

/** The company has no relation of that id; answered 404. */
public class RelationNotFoundException extends RuntimeException {

    public RelationNotFoundException(long companyId, long relationId) {
        super("company " + companyId + " has no relation " + relationId);
    }
}
