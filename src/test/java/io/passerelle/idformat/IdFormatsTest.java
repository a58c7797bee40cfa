package io.passerelle.idformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.passerelle.connection.Company;
import io.passerelle.connection.Connection;
import org.junit.jupiter.api.Test;

class IdFormatsTest {

    private final IdFormats formats = new IdFormats();

    private static Connection connection(Map<String, Object> options) {
        return new Connection("acme-acumatica", new Company("ACME", "Acme"), "acumatica", List.of(), Map.of(),
                Map.of(), options, null, false, Instant.EPOCH, Instant.EPOCH);
    }

    private static final Connection SEED = connection(Map.of("idFormats", Map.of(
            "costCode", Map.of("maxLength", 10, "segments", List.of(2, 3), "separator", "-", "allowed", "[0-9]"),
            "projectId", Map.of("maxLength", 15, "allowed", "[A-Z0-9-]"),
            "vendorId", Map.of("maxLength", 15),
            "projectTaskId", Map.of("segments", List.of(2, 2), "separator", "."))));

    @Test
    void acceptsIdsThatFit() {
        assertThat(formats.violations(SEED, "costCode", "01-100", "costCode")).isEmpty();
        assertThat(formats.violations(SEED, "projectId", "P-1001", "projectId")).isEmpty();
        assertThat(formats.violations(SEED, "PROJECT_TASK_ID", "01.02", "lines[0].projectTaskId")).isEmpty();
        assertThat(formats.violations(SEED, "vendorId", null, "vendorId")).isEmpty();
    }

    @Test
    void namesTheFieldAndTheMaximumLength() {
        assertThat(formats.violations(SEED, "vendorId", "ACME SUPPLY LONG NAME", "vendorId")).containsExactly(
                "vendorId 'ACME SUPPLY LONG NAME' is 21 characters; at most 15 allowed for vendor ids on connection"
                        + " acme-acumatica");
    }

    @Test
    void namesTheSegmentRule() {
        assertThat(formats.violations(SEED, "costCode", "01100", "lines[2].costCode")).containsExactly(
                "lines[2].costCode '01100' has 1 segment; cost codes on connection acme-acumatica have 2 segments of"
                        + " 2, 3 characters separated by '-'");
        assertThat(formats.violations(SEED, "costCode", "01-10", "costCode")).containsExactly(
                "costCode '01-10': segment 2 '10' is 2 characters, 3 expected; cost codes on connection"
                        + " acme-acumatica have 2 segments of 2, 3 characters separated by '-'");
        assertThat(formats.violations(SEED, "projectTaskId", "01-02", "t")).hasSize(1)
                .allMatch(m -> m.contains("separated by '.'"));
    }

    @Test
    void namesTheCharactersNotAllowed() {
        assertThat(formats.violations(SEED, "projectId", "p 1001", "projectId")).containsExactly(
                "projectId 'p 1001' has characters not allowed ('p', ' '); only [A-Z0-9-] allowed for project ids on"
                        + " connection acme-acumatica");
        // separators of a segmented id are not held to the allowed characters
        assertThat(formats.violations(SEED, "costCode", "0A-100", "costCode")).singleElement()
                .asString().contains("('A')");
    }

    @Test
    void reportsEveryRuleBroken() {
        assertThat(formats.violations(SEED, "costCode", "0A-1000-99999", "costCode")).hasSize(3);
    }

    @Test
    void withoutFormatsAnythingGoes() {
        Connection none = connection(Map.of());
        assertThat(formats.violations(none, "vendorId", "ANY THING AT ALL, REALLY LONG", "vendorId")).isEmpty();
        assertThat(formats.violations(SEED, "customerId", "whatever", "customerId")).isEmpty();
        assertThat(formats.configurationProblems(none)).isEmpty();
    }

    @Test
    void anUnusableFormatIsAViolationNotASilentPass() {
        Connection broken = connection(Map.of("idFormats", Map.of(
                "vendorId", Map.of("maxLength", "long", "allowed", "[A-Z"),
                "colour", Map.of("maxLength", 3))));
        List<String> violations = formats.violations(broken, "vendorId", "ACME", "vendorId");
        assertThat(violations).hasSize(2).allMatch(v -> v.startsWith("vendorId cannot be checked"));
        assertThat(formats.configurationProblems(broken)).hasSize(3)
                .anyMatch(p -> p.startsWith("idFormats.colour is not a known id kind"));
        assertThat(formats.violations(broken, "costCode", "01-100", "costCode")).isEmpty();
    }

    @Test
    void allowedWithoutBracketsIsAClass() {
        Connection plain = connection(Map.of("idFormats", Map.of("customerId", Map.of("allowed", "A-Z0-9"))));
        assertThat(formats.violations(plain, "customerId", "C0001", "customerId")).isEmpty();
        assertThat(formats.violations(plain, "customerId", "c0001", "customerId")).hasSize(1);
    }

    @Test
    void anUnknownKindIsAProgrammingError() {
        assertThatThrownBy(() -> formats.violations(SEED, "colour", "x", "colour"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
