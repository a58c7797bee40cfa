package io.passerelle.api;

import io.passerelle.run.Causes;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.passerelle.connection.ArchivedConnectionMismatchException;
import io.passerelle.connection.ConnectionAlreadyExistsException;
import io.passerelle.connection.ConnectionArchivedException;
import io.passerelle.connection.ConnectionBusyException;
import io.passerelle.connection.ConnectionNotFoundException;
import io.passerelle.connection.ConnectionUnlinkedException;
import io.passerelle.connection.EndpointNotFoundException;
import io.passerelle.connection.ErpNotSupportedException;
import io.passerelle.connection.FieldProblem;
import io.passerelle.connection.InvalidConnectionException;
import io.passerelle.connection.NoLinkException;
import io.passerelle.retry.NothingToRetryException;
import io.passerelle.run.FlowAlreadyRunningException;
import io.passerelle.run.InstanceStoppingException;
import io.passerelle.run.UnknownFlowException;
import io.passerelle.sync.NoCompanySelectedException;
import io.passerelle.sync.ProjectRefusedException;
import io.passerelle.sync.UnknownEntityException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The API's only translation of exceptions into answers: problem details with the fields at fault. Answers
 * never carry a stack trace, an exception class name or a value the client sent (it may be a secret).
 * Extending {@link ResponseEntityExceptionHandler} makes Spring Boot's own problem-details handler stand down,
 * so Spring MVC's errors (404 on an unknown path, 405, a bad parameter type) come out the same way.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidConnectionException.class)
    ResponseEntity<ProblemDetail> invalidConnection(InvalidConnectionException e) {
        HttpStatus status = e.unprocessable() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.BAD_REQUEST;
        String detail = e.unprocessable() ? e.getMessage() : "the connection is not valid: see errors";
        return problem(status, detail, e.problems());
    }

    @ExceptionHandler(BodyTypeException.class)
    ResponseEntity<ProblemDetail> bodyTypes(BodyTypeException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.problems());
    }

    @ExceptionHandler(ConnectionNotFoundException.class)
    ResponseEntity<ProblemDetail> connectionNotFound(ConnectionNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), List.of(new FieldProblem("id", "no such connection")));
    }

    @ExceptionHandler(ConnectionArchivedException.class)
    ResponseEntity<ProblemDetail> connectionArchived(ConnectionArchivedException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), List.of(new FieldProblem("id",
                "archived: create it again with the same id, erp and company to use it with its history")));
    }

    @ExceptionHandler(ConnectionBusyException.class)
    ResponseEntity<ProblemDetail> connectionBusy(ConnectionBusyException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), List.of(new FieldProblem("id", "a run of it is going")));
    }

    @ExceptionHandler(ConnectionUnlinkedException.class)
    ResponseEntity<ProblemDetail> connectionUnlinked(ConnectionUnlinkedException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), List.of(new FieldProblem("id",
                "unlinked: POST /api/connections/" + e.connectionId() + "/link to link it again")));
    }

    @ExceptionHandler(NoLinkException.class)
    ResponseEntity<ProblemDetail> noLink(NoLinkException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), List.of(new FieldProblem("erp", "this ERP has no link")));
    }

    @ExceptionHandler(ArchivedConnectionMismatchException.class)
    ResponseEntity<ProblemDetail> archivedMismatch(ArchivedConnectionMismatchException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), List.of(new FieldProblem(e.field(),
                "differs from the archived connection of this id, whose history belongs to another system")));
    }

    @ExceptionHandler(ConnectionAlreadyExistsException.class)
    ResponseEntity<ProblemDetail> connectionExists(ConnectionAlreadyExistsException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), List.of(new FieldProblem("id", "taken")));
    }

    @ExceptionHandler(EndpointNotFoundException.class)
    ResponseEntity<ProblemDetail> endpointNotFound(EndpointNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), List.of(new FieldProblem("endpoint", "no such endpoint")));
    }

    @ExceptionHandler(ErpNotSupportedException.class)
    ResponseEntity<ProblemDetail> erpNotSupported(ErpNotSupportedException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage(), List.of(new FieldProblem("erp", e.getMessage())));
    }

    @ExceptionHandler(UnknownFlowException.class)
    ResponseEntity<ProblemDetail> unknownFlow(UnknownFlowException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), List.of(new FieldProblem("flow", e.getMessage())));
    }

    /** 503 with Retry-After: a load balancer or a client starts the run on another instance, or later. */
    @ExceptionHandler(InstanceStoppingException.class)
    ResponseEntity<ProblemDetail> instanceStopping(InstanceStoppingException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), List.of()));
    }

    @ExceptionHandler(FlowAlreadyRunningException.class)
    ResponseEntity<ProblemDetail> flowRunning(FlowAlreadyRunningException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), List.of(new FieldProblem("flow", "already running")));
    }

    @ExceptionHandler(NoCompanySelectedException.class)
    ResponseEntity<ProblemDetail> noCompanySelected(NoCompanySelectedException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage(), List.of(new FieldProblem("companies",
                "none selected")));
    }

    /** A flow that cannot sync one project alone is the caller's mistake; a project never synced cannot be synced. */
    @ExceptionHandler(ProjectRefusedException.class)
    ResponseEntity<ProblemDetail> projectRefused(ProjectRefusedException e) {
        if (e.unknownProject()) {
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage(), List.of(new FieldProblem("project",
                    e.getMessage())));
        }
        return problem(HttpStatus.BAD_REQUEST, "invalid parameter 'project'", List.of(new FieldProblem("project",
                e.getMessage())));
    }

    @ExceptionHandler(UnknownEntityException.class)
    ResponseEntity<ProblemDetail> unknownEntity(UnknownEntityException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), List.of(new FieldProblem("entity", e.getMessage())));
    }

    @ExceptionHandler(RunNotFoundException.class)
    ResponseEntity<ProblemDetail> runNotFound(RunNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), List.of(new FieldProblem("runId", "no such run")));
    }

    @ExceptionHandler(NothingToRetryException.class)
    ResponseEntity<ProblemDetail> nothingToRetry(NothingToRetryException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage(),
                List.of(new FieldProblem("runId", "no retryable failed record")));
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ProblemDetail> notFound(NoSuchElementException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage() == null ? "not found" : e.getMessage(), List.of());
    }

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> invalidParameter(InvalidParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid parameter '" + e.parameter() + "'",
                List.of(new FieldProblem(e.parameter(), e.getMessage())));
    }

    /** A connection or company closed to the caller, or an owner or switch it may not set: the words say whose. */
    @ExceptionHandler(AccessRefusedException.class)
    ResponseEntity<ProblemDetail> accessRefused(AccessRefusedException e) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage(), List.of(e.problem()));
    }

    /** From method security (e.g. an approval of a kind the token holds no capability for). */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "the role of this token does not allow this call", List.of());
    }

    /**
     * A row another call holds (a run starting, an archive, a change of the same connection or sheet) did not come
     * free in time: H2 says so with a query timeout, PostgreSQL (with a lock_timeout) with a lock failure. Nothing
     * was done and the call can simply be made again: 503 with Retry-After, in words, never the SQL.
     */
    @ExceptionHandler({PessimisticLockingFailureException.class, QueryTimeoutException.class})
    ResponseEntity<ProblemDetail> busy(TransientDataAccessException e, HttpServletRequest request) {
        log.warn("{} {}: the database did not give it the rows it needs in time ({})", request.getMethod(),
                request.getRequestURI(), e.getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "another call is changing the same data right now"
                        + " (a run starting, a change or a delete); nothing was done: try again in a moment"));
    }

    /**
     * What no handler above expected: one ERROR line saying which call and what went wrong, with the stack, since
     * only the stack says where. Everything a client can cause has its own handler and never comes here.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error answering {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString(),
                e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "an unexpected error occurred; see the server log", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        StreamReadException malformed = causeOfType(cause, StreamReadException.class);
        ProblemDetail problem;
        if (malformed != null && malformed.getLocation() != null) {
            JsonLocation at = malformed.getLocation();
            String where = "line " + at.getLineNr() + ", column " + at.getColumnNr();
            // the parser's own message may quote what it read, which may be a secret: say where, not what
            problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed JSON at " + where, "body", "malformed JSON at " + where);
        } else if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            Class<?> expected = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
            problem = Problems.of(HttpStatus.BAD_REQUEST, "wrong type for '" + field + "'", field,
                    "expected " + describe(expected));
        } else if (cause == null) {
            problem = Problems.of(HttpStatus.BAD_REQUEST, "a JSON request body is required", "body", "required");
        } else {
            problem = Problems.of(HttpStatus.BAD_REQUEST, "the request body cannot be read as JSON", "body", "unreadable");
        }
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(status, "parameter '" + e.getParameterName() + "' is required",
                e.getParameterName(), "required");
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        ProblemDetail problem = Problems.of(status, "invalid parameter '" + name + "'", name,
                "expected " + describe(e.getRequiredType()));
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    /** Every answer of the base class gets the {@code errors} member too, empty when no field is at fault. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail given ? given : Problems.of(status, null);
        if (problem.getProperties() == null || !problem.getProperties().containsKey(Problems.ERRORS)) {
            Problems.setErrors(problem, List.of());
        }
        return super.handleExceptionInternal(e, problem, headers, status, request);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, List<FieldProblem> errors) {
        return ResponseEntity.status(status).body(Problems.of(status, detail, errors));
    }

    private static <T extends Throwable> T causeOfType(Throwable thrown, Class<T> type) {
        return Causes.find(thrown, type).orElse(null);
    }

    /** The JSON path of a field, e.g. {@code endpoints[0].default}. */
    private static String path(JsonMappingException e) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                parts.add((parts.isEmpty() ? "" : ".") + reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                parts.add("[" + reference.getIndex() + "]");
            }
        }
        return String.join("", parts);
    }

    /** What a client should have sent, in words: also the words of {@link TypeProblemRecorder}. */
    static String describe(@Nullable Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
