package io.passerelle.retry;

/** The run reported no failed record that may be retried (none failed, or only rejections): the API answers 422. */
public class NothingToRetryException extends RuntimeException {

    public NothingToRetryException(long runId) {
        super("run " + runId + " has no failed record that can be retried: only records whose error is retryable "
                + "(see /api/runs/" + runId + "/errors) go again; rejected ones need a fix first");
    }
}
