package io.passerelle.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.passerelle.connection.FieldProblem;
import io.passerelle.document.CommitmentRequest;
import io.passerelle.timesheet.TimesheetRequest;
import org.junit.jupiter.api.Test;

/** The recorder alone, on a plain ObjectMapper: every type error named by its path, the value read as null. */
class TypeProblemRecorderTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(TypeProblemRecorder.module());

    private <T> T read(Class<T> type, String json, List<FieldProblem> problems) throws Exception {
        return mapper.readerFor(type).withHandler(new TypeProblemRecorder(problems)).readValue(json);
    }

    @Test
    void namesEveryTypeErrorByItsPathAndReadsItAsNull() throws Exception {
        List<FieldProblem> problems = new ArrayList<>();
        CommitmentRequest request = read(CommitmentRequest.class, "{\"vendorId\": [\"V\"], \"date\": {\"y\": 1},"
                + " \"lines\": [{\"quantity\": \"ten\", \"unitCost\": \"x\", \"amount\": 12},"
                + " {\"amount\": true, \"unitCost\": {\"v\": 1}, \"quantity\": [1, 2]}, 7], \"total\": \"lots\","
                + " \"reference\": \"SC-1\"}", problems);
        assertThat(problems).containsExactly(
                new FieldProblem("vendorId", "expected a string"),
                new FieldProblem("date", "expected a string"),
                new FieldProblem("lines[0].quantity", "expected a number"),
                new FieldProblem("lines[0].unitCost", "expected a number"),
                new FieldProblem("lines[1].amount", "expected a number"),
                new FieldProblem("lines[1].unitCost", "expected a number"),
                new FieldProblem("lines[1].quantity", "expected a number"),
                new FieldProblem("lines[2]", "expected an object"),
                new FieldProblem("total", "expected a number"));
        assertThat(request.vendorId()).isNull();
        assertThat(request.reference()).as("reading went on after the errors").isEqualTo("SC-1");
        assertThat(request.lines()).hasSize(3);
        assertThat(request.lines().get(0).amount()).isEqualByComparingTo("12");
        assertThat(request.lines().get(0).quantity()).isNull();
        assertThat(request.lines().get(2)).isNull();
    }

    @Test
    void withoutTheHandlerAWrongTypeStillFailsTheRead() {
        assertThatThrownBy(() -> mapper.readValue("{\"total\": {\"v\": 1}}",
                CommitmentRequest.class)).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"total\": \"lots\"}",
                CommitmentRequest.class)).isInstanceOf(InvalidFormatException.class);
    }

    @Test
    void aWrongRootIsTheBody() throws Exception {
        List<FieldProblem> problems = new ArrayList<>();
        assertThat(read(TimesheetRequest.class, "[1, 2]", problems)).isNull();
        assertThat(problems).containsExactly(new FieldProblem("body", "expected an object"));
        problems.clear();
        assertThat(read(TimesheetRequest.class, "{\"lines\": \"x\"}", problems).lines()).isNull();
        assertThat(problems).containsExactly(new FieldProblem("lines", "expected an array"));
    }
}
