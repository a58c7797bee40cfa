package io.passerelle.api;

import java.util.List;
import java.util.Map;

import io.passerelle.connection.FieldProblem;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the one error shape of the API: RFC 9457 problem details with {@code errors: [{field, message}]}. */
public final class Problems {

    public static final String ERRORS = "errors";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        setErrors(problem, errors);
        return problem;
    }

    public static ProblemDetail of(HttpStatusCode status, String detail) {
        return of(status, detail, List.of());
    }

    public static ProblemDetail of(HttpStatusCode status, String detail, String field, String message) {
        return of(status, detail, List.of(new FieldProblem(field, message)));
    }

    public static void setErrors(ProblemDetail problem, List<FieldProblem> errors) {
        problem.setProperty(ERRORS, errors.stream()
                .map(e -> Map.of("field", String.valueOf(e.field()), "message", String.valueOf(e.message())))
                .toList());
    }
}
