package io.passerelle.codemap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.passerelle.codemap.ProjectMatcher.ErpProject;
import io.passerelle.codemap.ProjectMatcher.Match;
import io.passerelle.codemap.ProjectMatcher.PlatformProject;
import io.passerelle.codemap.ProjectMatcher.Reason;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which ERP projects a platform project probably is: numbers and names compared after normalisation. */
class ProjectMatcherTest {

    private static List<List<Match>> match(List<PlatformProject> platform, ErpProject... erp) {
        ProjectMatcher matcher = new ProjectMatcher(platform);
        for (ErpProject project : erp) {
            matcher.offer(project);
        }
        return matcher.proposals();
    }

    @Test
    void numbersAgreeWhateverTheirSpacesDashesAndCase() {
        List<List<Match>> proposals = match(List.of(new PlatformProject("DRV-118", null), new PlatformProject("drv 200", null)),
                new ErpProject("DRV\u2011118", "Tour Boréal", "ACTIVE"), new ErpProject("DRV200", "Pont", "ACTIVE"),
                new ErpProject("DRV-1180", "Autre", "ACTIVE"));

        assertThat(proposals.get(0)).extracting(m -> m.project().number(), Match::reason)
                .containsExactly(tuple("DRV\u2011118", Reason.NUMBER));
        assertThat(proposals.get(1)).extracting(m -> m.project().number(), Match::reason)
                .containsExactly(tuple("DRV200", Reason.NUMBER));
    }

    @Test
    void namesAgreeWhateverTheirCaseAccentsAndPunctuation() {
        List<List<Match>> proposals = match(List.of(new PlatformProject("DRV-118", "Tour Boréal – phase 1")),
                new ErpProject("P-1003", " TOUR BOREAL, PHASE 1 ", "ACTIVE"),
                new ErpProject("P-1004", "Tour Boréal – phase 2", "ACTIVE"),
                new ErpProject("P-1005", null, "ACTIVE"));

        assertThat(proposals.get(0)).extracting(m -> m.project().number(), Match::reason)
                .containsExactly(tuple("P-1003", Reason.NAME));
    }

    @Test
    void aNumberMatchComesFirstAndIsNotAlsoANameMatch() {
        List<List<Match>> proposals = match(List.of(new PlatformProject("P-1003", "Tour Boréal")),
                new ErpProject("P-1009", "Tour Boréal", "ACTIVE"),
                new ErpProject("P-1003", "Tour Boréal", "ACTIVE"),
                new ErpProject("P-1001", "Tour boreal", "CLOSED"));

        assertThat(proposals.get(0)).extracting(m -> m.project().number(), Match::reason).containsExactly(
                tuple("P-1003", Reason.NUMBER), tuple("P-1001", Reason.NAME), tuple("P-1009", Reason.NAME));
        assertThat(proposals.get(0).get(1).project().status()).isEqualTo("CLOSED");
    }

    @Test
    void nothingAgreesWithNothing() {
        List<List<Match>> proposals = match(List.of(new PlatformProject("DRV-118", " "), new PlatformProject("--", null)),
                new ErpProject("P-1003", " ", "ACTIVE"), new ErpProject("+", "Tour", "ACTIVE"));

        assertThat(proposals).containsExactly(List.of(), List.of());
    }

    @Test
    void aNameSharedByManyProjectsProposesAFewOfThem() {
        ErpProject[] many = IntStream.range(0, 40).mapToObj(i -> new ErpProject("E-" + (100 + i), "Entretien", "ACTIVE"))
                .toArray(ErpProject[]::new);
        assertThat(match(List.of(new PlatformProject("DRV-9", "entretien")), many).get(0))
                .hasSize(ProjectMatcher.MAX_MATCHES).first().extracting(m -> m.project().number()).isEqualTo("E-100");
    }
}
