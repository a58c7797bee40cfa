package io.passerelle.company;

/** An imported relation cannot be deleted: its ERP keeps it, and the next import would bring it back (409). */
public class ImportedRelationException extends RuntimeException {

    public ImportedRelationException(long relationId, String connectionId) {
        super("relation " + relationId + " was imported" + (connectionId == null ? "" : " by connection '"
                + connectionId + "'") + ": remove it, or end its mandate, in the ERP; the next import ends it (or "
                + "removes it, when it never started). Only relations added by hand can be deleted here");
    }
}
