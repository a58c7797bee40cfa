package io.passerelle.importjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.connection.FieldProblem;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A job's body checked against what its connection offers, every problem named at once. */
class ImportJobValidatorTest {

    private static final JobConnection SEVEN = JobConnection.of("so-1", List.of("customers"), List.of("4711", "4712"));
    private static final JobConnection AVANTAGE = JobConnection.of("av-1",
            List.of("projects", "employees", "trades"), List.of("BOREAL"));

    private static ImportJobRequest request(String connection, List<String> companies, List<String> flows,
            ImportJobRequest.Range range, String schedule) {
        return new ImportJobRequest("Nightly", connection, companies, flows, range, schedule);
    }

    private static List<String> fields(ImportJobRequest request, JobConnection connection, String jobsOwn) {
        try {
            ImportJobValidator.check(request, connection, jobsOwn);
        } catch (InvalidImportJobException e) {
            return e.problems().stream().map(FieldProblem::field).toList();
        }
        return List.of();
    }

    @Test
    void aGoodJobIsItsSettingsWithIncrementalByDefault() {
        JobSettings settings = ImportJobValidator.check(new ImportJobRequest("  Nightly  ", "so-1", List.of("4711"),
                List.of("customers"), null, "0 0 2 * * ?"), SEVEN, null);
        assertThat(settings).isEqualTo(new JobSettings("Nightly", "so-1", List.of("4711"), List.of("customers"),
                JobRange.INCREMENTAL, "0 0 2 * * ?"));

        JobSettings every = ImportJobValidator.check(request("av-1", null, List.of("all"),
                new ImportJobRequest.Range("between", null, "2026-01-01", "2026-03-31"), null), AVANTAGE, null);
        assertThat(every.companies()).as("every selected company").isNull();
        assertThat(every.flows()).containsExactly("all");
        assertThat(every.range()).isEqualTo(new JobRange(RangeKind.BETWEEN, null, LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-03-31")));
        assertThat(every.schedule()).isNull();

        JobSettings lastDays = ImportJobValidator.check(request("av-1", null, List.of("employees", "trades"),
                new ImportJobRequest.Range("LAST_DAYS", 30, null, null), null), AVANTAGE, null);
        assertThat(lastDays.range()).isEqualTo(new JobRange(RangeKind.LAST_DAYS, 30, null, null));
        assertThat(ImportJobValidator.check(request("av-1", null, List.of("trades"),
                new ImportJobRequest.Range("ALL", null, null, null), null), AVANTAGE, null).range().kind())
                .isEqualTo(RangeKind.ALL);
    }

    @Test
    void companiesAreSpeltAsTheConnectionListsThemAndMustBeItsOwn() {
        JobConnection named = JobConnection.of("so-1", List.of("customers"), List.of("ORG-A", "4712"));
        assertThat(ImportJobValidator.check(request("so-1", List.of(" ORG\u2011A "), List.of("customers"), null, null), named,
                null).companies()).containsExactly("ORG-A");

        assertThat(fields(request("so-1", List.of("4711", "9999", "", "4711"), List.of("customers"), null, null), SEVEN,
                null)).containsExactly("companies[1]", "companies[2]", "companies[3]");
        assertThat(fields(request("so-1", List.of(), List.of("customers"), null, null), SEVEN, null))
                .containsExactly("companies");
        assertThatThrownBy(() -> ImportJobValidator.check(request("so-1", List.of("9999"), List.of("customers"), null,
                null), SEVEN, null)).isInstanceOf(InvalidImportJobException.class)
                .hasMessageContaining("companies[0]").hasMessageContaining("4711, 4712")
                .hasMessageNotContaining("9999");
    }

    @Test
    void flowsAreRequiredEachAFlowOfTheErpOrAllAlone() {
        assertThat(fields(request("so-1", null, null, null, null), SEVEN, null)).containsExactly("flows");
        assertThat(fields(request("so-1", null, List.of(), null, null), SEVEN, null)).containsExactly("flows");
        assertThat(fields(request("av-1", null, Arrays.asList("employees", "customers", null, "employees"), null, null),
                AVANTAGE, null)).containsExactly("flows[1]", "flows[2]", "flows[3]");
        assertThat(fields(request("av-1", null, List.of("employees", "all"), null, null), AVANTAGE, null))
                .containsExactly("flows[1]");
    }

    @Test
    void eachRangeKindHasItsMembersAndNoOther() {
        assertThat(fields(range(new ImportJobRequest.Range(null, null, null, null)), AVANTAGE, null))
                .containsExactly("range.kind");
        assertThat(fields(range(new ImportJobRequest.Range("SINCE_EVER", null, null, null)), AVANTAGE, null))
                .containsExactly("range.kind");
        assertThat(fields(range(new ImportJobRequest.Range("LAST_DAYS", null, null, null)), AVANTAGE, null))
                .containsExactly("range.days");
        assertThat(fields(range(new ImportJobRequest.Range("LAST_DAYS", 0, null, null)), AVANTAGE, null))
                .containsExactly("range.days");
        assertThat(fields(range(new ImportJobRequest.Range("LAST_DAYS", 5000, "2026-01-01", null)), AVANTAGE, null))
                .containsExactly("range.days", "range.from");
        assertThat(fields(range(new ImportJobRequest.Range("BETWEEN", 3, null, "2026-02-30")), AVANTAGE, null))
                .containsExactly("range.days", "range.from", "range.to");
        assertThat(fields(range(new ImportJobRequest.Range("BETWEEN", null, "2026-03-01", "2026-02-01")), AVANTAGE, null))
                .containsExactly("range.to");
        assertThat(fields(range(new ImportJobRequest.Range("ALL", 7, null, "2026-02-01")), AVANTAGE, null))
                .containsExactly("range.days", "range.to");
    }

    @Test
    void aScheduleIsAQuartzCronOrNull() {
        assertThat(fields(request("av-1", null, List.of("trades"), null, "every night"), AVANTAGE, null))
                .containsExactly("schedule");
        assertThat(fields(request("av-1", null, List.of("trades"), null, "0 0 2 * *"), AVANTAGE, null))
                .as("Quartz has seconds").containsExactly("schedule");
        assertThat(fields(request("av-1", null, List.of("trades"), null, ""), AVANTAGE, null)).containsExactly("schedule");
        assertThat(fields(request("av-1", null, List.of("trades"), null, "* * * * * ?"), AVANTAGE, null)).isEmpty();
    }

    @Test
    void anUnknownConnectionIsNamedWithTheOtherProblemsAndItsFlowsAndCompaniesAreNotJudged() {
        JobConnection unknown = JobConnection.unusable("nobody", "no such connection");
        assertThat(fields(new ImportJobRequest(" ", "nobody", List.of("4711"), List.of("customers"), null, "nope"),
                unknown, null)).containsExactly("name", "connection", "schedule");
        assertThat(fields(request(null, null, List.of("customers"), null, null), JobConnection.unusable(null, "required"),
                null)).containsExactly("connection");
        assertThat(fields(new ImportJobRequest("x".repeat(256), "av-1", null, List.of("trades"), null, null), AVANTAGE,
                null)).containsExactly("name");
    }

    @Test
    void aChangeKeepsTheJobsConnection() {
        assertThat(fields(request(null, null, List.of("trades"), null, null), AVANTAGE, "av-1")).isEmpty();
        assertThat(ImportJobValidator.check(request(null, null, List.of("trades"), null, null), AVANTAGE, "av-1")
                .connectionId()).isEqualTo("av-1");
        assertThat(fields(request("av-1", null, List.of("trades"), null, null), AVANTAGE, "av-1")).isEmpty();
        assertThat(fields(request("so-1", null, List.of("trades"), null, null), AVANTAGE, "av-1"))
                .containsExactly("connection");
    }

    private static ImportJobRequest range(ImportJobRequest.Range range) {
        return request("av-1", null, List.of("employees"), range, null);
    }
}
