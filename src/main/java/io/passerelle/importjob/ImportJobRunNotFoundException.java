package io.passerelle.importjob;

/** No run of that id of the job: 404. */
public class ImportJobRunNotFoundException extends RuntimeException {

    public ImportJobRunNotFoundException(long jobId, long runId) {
        super("import job " + jobId + " has no run " + runId);
    }
}
