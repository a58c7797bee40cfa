package io.passerelle.connection;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How a connection's link moves from one {@link LinkState} to the next: by a test, a run, an unlink, a link, or a
 * change of the connection. Plain Java, deciding only; {@link ConnectionLinks} stores what it decides. The one rule
 * behind all of them: someone's unlink is undone only by someone's link, never by a test, a run or an edit.
 */
final class LinkRules {

    /** {@code POST /test}: it reached the ERP's company or it did not. While unlinked it reports, and links nothing. */
    LinkState tested(LinkState current, ConnectionTestResult test, Instant at) {
        LinkStatus status = current.unlinked() ? LinkStatus.UNLINKED : test.ok() ? LinkStatus.LINKED : LinkStatus.FAILED;
        return new LinkState(status, test.message(), at);
    }

    /** {@code POST /link}: its test decides, whatever the link was, and an unlink is over either way. */
    LinkState linked(LinkState current, ConnectionTestResult test, Instant at) {
        return new LinkState(test.ok() ? LinkStatus.LINKED : LinkStatus.FAILED, test.message(), at);
    }

    /**
     * A run finished: one that read or wrote anything ({@code SUCCEEDED}, {@code PARTIAL}) reached the ERP's
     * company; one that {@code FAILED} for the link's sake ({@code linkFailure}, in the ERP's words) did not; any other
     * failure (a route file, the database, a record) says nothing of the link. A run that was going when its
     * connection was unlinked leaves it unlinked.
     */
    LinkState ran(LinkState current, long runId, String flow, String runStatus, Optional<String> linkFailure,
            Instant at) {
        if (current.unlinked()) {
            return current;
        }
        return switch (runStatus) {
            case "SUCCEEDED", "PARTIAL" ->
                    new LinkState(LinkStatus.LINKED, "run " + runId + " of " + flow + " " + runStatus, at);
            case "FAILED" -> linkFailure.map(words -> new LinkState(LinkStatus.FAILED, words, at)).orElse(current);
            default -> current;
        };
    }

    /** {@code POST /unlink}: again and again the same, the first unlink's words kept. */
    LinkState unlinked(LinkState current, String by) {
        if (current.unlinked()) {
            return current;
        }
        return new LinkState(LinkStatus.UNLINKED, by == null || by.isBlank() ? "unlinked" : "unlinked by " + by,
                current.checkedAt());
    }

    /**
     * The connection was changed: when what its link names or reaches it with ({@code changed}: e.g. {@code mandant},
     * {@code credentials}, {@code endpoint}) is not what was checked, the last check says nothing any more. An unlink
     * stays, and so does a link never checked.
     */
    LinkState changed(LinkState current, List<String> changed) {
        if (changed.isEmpty() || (current.status() != LinkStatus.LINKED && current.status() != LinkStatus.FAILED)) {
            return current;
        }
        return new LinkState(LinkStatus.NOT_LINKED, "changed since the link was checked: " + String.join(", ", changed)
                + "; test the connection to link it", null);
    }
}
