package io.passerelle.importjob;

/** No job of that id, or one of an archived connection (not shown while it is archived): 404. */
public class ImportJobNotFoundException extends RuntimeException {

    public ImportJobNotFoundException(long id) {
        super("no import job " + id);
    }
}
