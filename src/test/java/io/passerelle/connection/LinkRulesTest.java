package io.passerelle.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a link moves: tests, runs, unlink, link and changes of the connection. */
class LinkRulesTest {

    private static final Instant EARLIER = Instant.parse("2026-11-20T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-23T10:15:00Z");
    private static final ConnectionTestResult OK = new ConnectionTestResult(true, "main", "mandant 7777 reached", Map.of());
    private static final ConnectionTestResult REFUSED =
            new ConnectionTestResult(false, "main", "the mandant refused the client", Map.of());

    private final LinkRules rules = new LinkRules();

    private static LinkState state(LinkStatus status) {
        return new LinkState(status, "before", EARLIER);
    }

    @Test
    void aTestLinksOrFailsWithItsWordsAndItsTime() {
        for (LinkStatus from : List.of(LinkStatus.NOT_LINKED, LinkStatus.LINKED, LinkStatus.FAILED)) {
            assertThat(rules.tested(state(from), OK, NOW)).isEqualTo(new LinkState(LinkStatus.LINKED, "mandant 7777 reached", NOW));
            assertThat(rules.tested(state(from), REFUSED, NOW))
                    .isEqualTo(new LinkState(LinkStatus.FAILED, "the mandant refused the client", NOW));
        }
        assertThat(rules.tested(LinkState.NOT_CHECKED, OK, NOW).status()).isEqualTo(LinkStatus.LINKED);
    }

    @Test
    void whileUnlinkedATestReportsAndLinksNothing() {
        assertThat(rules.tested(state(LinkStatus.UNLINKED), OK, NOW))
                .isEqualTo(new LinkState(LinkStatus.UNLINKED, "mandant 7777 reached", NOW));
        assertThat(rules.tested(state(LinkStatus.UNLINKED), REFUSED, NOW).status()).isEqualTo(LinkStatus.UNLINKED);
    }

    @Test
    void aLinkIsDecidedByItsTestFromAnyStatus() {
        for (LinkStatus from : LinkStatus.values()) {
            assertThat(rules.linked(state(from), OK, NOW)).isEqualTo(new LinkState(LinkStatus.LINKED, "mandant 7777 reached", NOW));
            assertThat(rules.linked(state(from), REFUSED, NOW).status()).isEqualTo(LinkStatus.FAILED);
        }
    }

    @Test
    void aRunThatReadOrWroteLinks() {
        assertThat(rules.ran(state(LinkStatus.FAILED), 41, "employees", "SUCCEEDED", Optional.empty(), NOW))
                .isEqualTo(new LinkState(LinkStatus.LINKED, "run 41 of employees SUCCEEDED", NOW));
        assertThat(rules.ran(LinkState.NOT_CHECKED, 42, "projects", "PARTIAL", Optional.empty(), NOW))
                .isEqualTo(new LinkState(LinkStatus.LINKED, "run 42 of projects PARTIAL", NOW));
    }

    @Test
    void aRunFailingForTheLinksSakeFailsItAndAnyOtherFailureLeavesIt() {
        assertThat(rules.ran(state(LinkStatus.LINKED), 43, "employees", "FAILED",
                Optional.of("Abacus refused the mandant"), NOW))
                .isEqualTo(new LinkState(LinkStatus.FAILED, "Abacus refused the mandant", NOW));
        for (LinkStatus from : List.of(LinkStatus.NOT_LINKED, LinkStatus.LINKED, LinkStatus.FAILED)) {
            assertThat(rules.ran(state(from), 44, "employees", "FAILED", Optional.empty(), NOW)).isEqualTo(state(from));
        }
        assertThat(rules.ran(state(LinkStatus.LINKED), 45, "employees", "RUNNING", Optional.empty(), NOW))
                .isEqualTo(state(LinkStatus.LINKED));
    }

    @Test
    void aRunGoingWhenTheConnectionWasUnlinkedLeavesItUnlinked() {
        for (String status : List.of("SUCCEEDED", "PARTIAL", "FAILED")) {
            assertThat(rules.ran(state(LinkStatus.UNLINKED), 46, "employees", status, Optional.of("refused"), NOW))
                    .isEqualTo(state(LinkStatus.UNLINKED));
        }
    }

    @Test
    void anUnlinkSaysByWhomKeepsTheLastCheckAndIsIdempotent() {
        LinkState unlinked = rules.unlinked(state(LinkStatus.LINKED), "alice");
        assertThat(unlinked).isEqualTo(new LinkState(LinkStatus.UNLINKED, "unlinked by alice", EARLIER));
        assertThat(rules.unlinked(unlinked, "bob")).isSameAs(unlinked);
        assertThat(rules.unlinked(LinkState.NOT_CHECKED, null))
                .isEqualTo(new LinkState(LinkStatus.UNLINKED, "unlinked", null));
    }

    @Test
    void aChangeOfWhatTheLinkNamesOrReachesItWithResetsACheckedLink() {
        for (LinkStatus from : List.of(LinkStatus.LINKED, LinkStatus.FAILED)) {
            assertThat(rules.changed(state(from), List.of("mandant", "credentials"))).isEqualTo(new LinkState(
                    LinkStatus.NOT_LINKED, "changed since the link was checked: mandant, credentials; test the"
                    + " connection to link it", null));
            assertThat(rules.changed(state(from), List.of())).isEqualTo(state(from));
        }
        assertThat(rules.changed(state(LinkStatus.UNLINKED), List.of("amId"))).isEqualTo(state(LinkStatus.UNLINKED));
        assertThat(rules.changed(LinkState.NOT_CHECKED, List.of("endpoint"))).isEqualTo(LinkState.NOT_CHECKED);
    }
}
