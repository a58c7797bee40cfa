package io.passerelle.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An ERP's required options, and the form it expects of an option, checked by the validator. */
class RequiredOptionsTest {

    /** The test ERP with a required numeric option, a required free one and an optional one with a form. */
    private static final ErpConnector ERP = new FakeErpConnector() {
        @Override
        public List<ErpOption> options() {
            return List.of(ErpOption.required("mandant", "the mandant number", "[0-9]{1,9}", "a number, e.g. 7777"),
                    ErpOption.required("amId", "the AmID the mandant is reached through"),
                    ErpOption.optional("language", "answers' language", "de", "[a-z]{2}", "two lower-case letters, e.g. de"),
                    ErpOption.optional("note", "free text", null));
        }
    };

    private final ConnectionValidator validator = new ConnectionValidator(new ErpConnectors(List.of(ERP)), file -> {
    });

    private static Connection withOptions(Map<String, Object> options) {
        return Connections.withOptions(Connections.valid("acme"), options);
    }

    private List<FieldProblem> problems(Map<String, Object> options) {
        return catchThrowableOfType(InvalidConnectionException.class, () -> validator.check(withOptions(options)))
                .problems();
    }

    @Test
    void acceptsTheRequiredOptionsAsStringsOrNumbers() {
        assertThatCode(() -> validator.check(withOptions(Map.of("mandant", "7777", "amId", "AM-1"))))
                .doesNotThrowAnyException();
        assertThatCode(() -> validator.check(withOptions(Map.of("mandant", 7777, "amId", 42, "language", "fr"))))
                .doesNotThrowAnyException();
    }

    @Test
    void namesEachMissingOrBlankRequiredOption() {
        assertThat(problems(Map.of())).containsExactly(new FieldProblem("options.mandant", "required"),
                new FieldProblem("options.amId", "required"));
        Map<String, Object> blank = new HashMap<>();
        blank.put("mandant", " ");
        blank.put("amId", null);
        assertThat(problems(blank)).containsExactly(new FieldProblem("options.mandant", "required"),
                new FieldProblem("options.amId", "required"));
    }

    @Test
    void namesAValueNotOfTheExpectedFormInTheErpsWords() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("mandant", "77x");
        options.put("amId", "AM-1");
        options.put("language", "french");
        assertThat(problems(options)).containsExactly(
                new FieldProblem("options.mandant", "must be a number, e.g. 7777"),
                new FieldProblem("options.language", "must be two lower-case letters, e.g. de"));
    }

    @Test
    void theWholeValueMustMatchAndOnlyASingleValueCan() {
        assertThat(problems(Map.of("mandant", "7777 ", "amId", "AM-1")))
                .containsExactly(new FieldProblem("options.mandant", "must be a number, e.g. 7777"));
        assertThat(problems(Map.of("mandant", 77.5, "amId", "AM-1")))
                .containsExactly(new FieldProblem("options.mandant", "must be a number, e.g. 7777"));
        assertThat(problems(Map.of("mandant", List.of(7777), "amId", "AM-1")))
                .containsExactly(new FieldProblem("options.mandant", "must be a number, e.g. 7777"));
    }

    @Test
    void anOptionalOptionMayBeLeftOutAndExistingDeclarationsStayOptional() {
        assertThatCode(() -> validator.check(withOptions(Map.of("mandant", 1, "amId", "x", "note", ""))))
                .doesNotThrowAnyException();
        ErpOption old = new ErpOption("endpointVersion", "the contract endpoint's version", "24.200.001");
        assertThat(old.required()).isFalse();
        assertThat(old.pattern()).isNull();
        assertThat(old.matches("anything")).isTrue();
    }

    @Test
    void aModuleMistakeInAPatternStopsTheStart() {
        assertThatThrownBy(() -> ErpOption.required("mandant", "m", "[0-9", "a number"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mandant");
        assertThatThrownBy(() -> ErpOption.required("mandant", "m", "[0-9]+", " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("description");
    }
}
