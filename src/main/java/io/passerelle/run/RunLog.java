package io.passerelle.run;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one line a finished run leaves in the log, inbound or outbound: {@code run 12 acme employees FAILED: <words>
 * {counts}}. A failed run is a WARN that names the run, so that an operator can look it up; what failed it is in
 * the words, and its stack trace only at DEBUG: a wrong password is not a bug.
 */
public final class RunLog {

    private static final Logger LOG = LoggerFactory.getLogger(RunLog.class);

    private RunLog() {
    }

    public static void finished(long runId, String connectionId, String flow, String status,
            Map<String, Integer> counts, String message, Throwable failure) {
        String words = oneLine(message);
        if ("FAILED".equals(status)) {
            LOG.warn("run {} {} {} FAILED: {} {}", runId, connectionId, flow, words, counts);
        } else {
            LOG.info("run {} {} {} {}: {}{}", runId, connectionId, flow, status, counts,
                    words == null ? "" : " — " + words);
        }
        if (failure != null && LOG.isDebugEnabled()) {
            LOG.debug("run {} {} {}: what failed it", runId, connectionId, flow, failure);
        }
    }

    /** An ERP's words may span lines; the log line must not, or it reads as several entries (or forged ones). */
    private static String oneLine(String message) {
        return message == null ? null : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
