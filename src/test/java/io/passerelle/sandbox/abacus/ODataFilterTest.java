package io.passerelle.sandbox.abacus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.sandbox.kit.ErrorAnswer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ODataFilterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode project(long id, String changedOn) throws Exception {
        return JSON.readTree("{\"Id\":" + id + ",\"ChangeInformation\":{\"ChangedOn\":\"" + changedOn + "\"}}");
    }

    private static Predicate<JsonNode> projects(String filter) {
        return ODataFilter.parse(filter, "Projects", AbacusSet.Projects.indexed());
    }

    @Test
    void comparesNumbersAndDateTimesJoinedByAnd() throws Exception {
        JsonNode p = project(26003, "2026-03-02T13:00:17Z");
        assertThat(projects("Id eq 26003").test(p)).isTrue();
        assertThat(projects("Id ne 26003").test(p)).isFalse();
        assertThat(projects("ChangeInformation/ChangedOn ge 2026-03-02T13:00:17Z").test(p)).isTrue();
        assertThat(projects("ChangeInformation/ChangedOn gt 2026-03-02T14:00:17+01:00").test(p)).isFalse();
        assertThat(projects("ChangeInformation/ChangedOn lt 2026-03-03T00:00:00Z and Id le 26003").test(p)).isTrue();
        assertThat(projects("ChangeInformation/ChangedOn lt 2026-03-03T00:00:00Z and Id gt 26003").test(p)).isFalse();
        assertThat(projects(null).test(p)).isTrue();
    }

    @Test
    void bookingIdsAreBareUuidsComparedWithoutCase() throws Exception {
        JsonNode b = JSON.readTree("{\"Id\":\"3f0e2a57-1c2d-4e5f-8a9b-0c1d2e3f4a5b\"}");
        assertThat(ODataFilter.parse("Id eq 3F0E2A57-1C2D-4E5F-8A9B-0C1D2E3F4A5B", "ProjectBookings",
                AbacusSet.ProjectBookings.indexed()).test(b)).isTrue();
    }

    @Test
    void refusesPropertiesThatAreNotIndexedAndLiteralsOfTheWrongType() {
        assertThatThrownBy(() -> projects("Name eq 'Halle'")).isInstanceOfSatisfying(ErrorAnswer.class,
                e -> assertThat(e.body().path("error").path("code").asText()).isEqualTo("NotIndexed"));
        assertThatThrownBy(() -> projects("Id eq '26003'")).isInstanceOfSatisfying(ErrorAnswer.class,
                e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> projects("ChangeInformation/ChangedOn ge 2026-03-01")).isInstanceOf(ErrorAnswer.class);
        assertThatThrownBy(() -> projects("Id eq 1 or Id eq 2")).isInstanceOf(ErrorAnswer.class);
        assertThatThrownBy(() -> projects("Id has 1")).isInstanceOf(ErrorAnswer.class);
        assertThatThrownBy(() -> projects("Id eq")).isInstanceOf(ErrorAnswer.class);
    }
}
