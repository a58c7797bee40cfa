package io.passerelle.erp.avantage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.erp.avantage.codec.ConnectionLostException;
import io.passerelle.export.ExportState;
import io.passerelle.export.ItemOutcome;
import io.passerelle.export.NotSentException;
import io.passerelle.export.OutcomeUnknownException;
import java.net.ConnectException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AvantageTimesheetsTest {

    final ObjectMapper mapper = new ObjectMapper();

    JsonNode answer(String json) throws Exception {
        return mapper.readTree(json);
    }

    @Test
    void rejectedLinesCarryAvantagesCodeAndWordsAndTheOthersAreAccepted() throws Exception {
        List<ItemOutcome> outcomes = AvantageTimesheets.outcomes(answer("""
                {"id":1,"ok":true,"accepted":2,"duplicates":0,
                 "rejected":[{"lineId":"b","code":"UNKNOWN_ACTIVITY","message":"activity 99-999 not in project P-1001"}]}"""),
                List.of("a", "b", "c"), Set.of());
        assertThat(outcomes).extracting(ItemOutcome::idempotencyKey, ItemOutcome::state, ItemOutcome::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", ExportState.ACCEPTED, null),
                org.assertj.core.groups.Tuple.tuple("b", ExportState.REJECTED, "UNKNOWN_ACTIVITY"),
                org.assertj.core.groups.Tuple.tuple("c", ExportState.ACCEPTED, null));
        assertThat(outcomes.get(1).message()).isEqualTo("activity 99-999 not in project P-1001");
    }

    @Test
    void duplicatesAreTheResentLinesWhenTheServerCountsBoth() throws Exception {
        List<ItemOutcome> outcomes = AvantageTimesheets.outcomes(answer(
                "{\"ok\":true,\"accepted\":1,\"duplicates\":1,\"rejected\":[]}"), List.of("old", "new"), Set.of("old"));
        assertThat(outcomes).extracting(ItemOutcome::state).containsExactly(ExportState.DUPLICATE, ExportState.ACCEPTED);
        assertThat(AvantageTimesheets.outcomes(answer("{\"ok\":true,\"accepted\":0,\"duplicates\":2,\"rejected\":[]}"),
                List.of("x", "y"), Set.of())).extracting(ItemOutcome::state).containsOnly(ExportState.DUPLICATE);
    }

    @Test
    void aServerThatListsLineIdsInsteadOfCountingIsReadToo() throws Exception {
        List<ItemOutcome> outcomes = AvantageTimesheets.outcomes(answer(
                "{\"ok\":true,\"accepted\":[\"a\"],\"duplicates\":[\"b\"],\"rejected\":[]}"), List.of("a", "b"), Set.of());
        assertThat(outcomes).extracting(ItemOutcome::state).containsExactly(ExportState.ACCEPTED, ExportState.DUPLICATE);
    }

    @Test
    void aFailureToConnectIsNotSentButALostAnswerIsUnknown() {
        assertThat(AvantageTimesheets.classify(new ConnectException("Connection refused"))).isInstanceOf(NotSentException.class);
        assertThat(AvantageTimesheets.classify(new ConnectionLostException("the server closed the connection")))
                .isInstanceOf(OutcomeUnknownException.class);
        assertThat(AvantageTimesheets.classify(new org.apache.camel.ExchangeTimedOutException(null, 5000)))
                .isInstanceOf(OutcomeUnknownException.class);
        assertThat(AvantageTimesheets.classify(new AvantageErrorException("POST_TIMESHEETS", "BAD_REQUEST", "lines[0].hours", 0)))
                .isInstanceOf(NotSentException.class);
    }
}
