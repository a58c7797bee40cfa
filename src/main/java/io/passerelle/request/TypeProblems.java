package io.passerelle.request;

import java.util.ArrayList;
import java.util.List;

import io.passerelle.connection.FieldProblem;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The type errors met while reading the current request's JSON body ({@code "quantity": "ten"}): each is
 * recorded with its path ({@code lines[0].quantity}) and the field read as null, so that reading goes on and
 * the body's validator can list them with its own problems in one answer, instead of the first type error
 * hiding every other fault. Bound to the request like Spring's own request attributes; outside a request
 * (bootstrap files, ERP answers, tests of a validator alone) there are none.
 *
 * <p>A validator of a body marked {@link MergesTypeProblems} must fail when {@link #current()} is not empty, and
 * report {@link #merge} of its own problems: {@code FieldChecks}, {@code TimesheetValidator},
 * {@code CodeMapValidator} and {@code ConnectionValidator} do. A body not so marked is refused at once, with its
 * type errors alone, before any controller sees it.
 */
public final class TypeProblems {

    private static final String ATTRIBUTE = TypeProblems.class.getName();

    private TypeProblems() {
    }

    /** The record of the current request's body: open while the body is being read. */
    private static final class Record {
        final List<FieldProblem> problems = new ArrayList<>();
        boolean open = true;
    }

    /**
     * Opens the record of the body the current request is about to read as its {@code @RequestBody}, replacing
     * any earlier one. Outside a request it does nothing, and type errors keep failing the read.
     */
    public static void startRecording() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ATTRIBUTE, new Record(), RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** Closes the record: what is read afterwards in this request (an ERP's answer, say) fails on type errors. */
    public static void stopRecording() {
        Record record = record();
        if (record != null) {
            record.open = false;
        }
    }

    /** Where a reader of the request body adds its type errors; null when no body is being read. */
    public static List<FieldProblem> recording() {
        Record record = record();
        return record != null && record.open ? record.problems : null;
    }

    /** The type errors of the current request's body; empty when there were none or outside a request. */
    public static List<FieldProblem> current() {
        Record record = record();
        return record == null ? List.of() : List.copyOf(record.problems);
    }

    private static Record record() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null ? null : (Record) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    }

    /**
     * The current type errors followed by {@code own}, a validator's problems, less those about a field that has
     * a type error (or lies under one): a field read as null because its type was wrong is not also "required".
     */
    public static List<FieldProblem> merge(List<FieldProblem> own) {
        List<FieldProblem> types = current();
        if (types.isEmpty()) {
            return List.copyOf(own);
        }
        List<FieldProblem> all = new ArrayList<>(types);
        for (FieldProblem problem : own) {
            if (types.stream().noneMatch(type -> within(problem.field(), type.field()))) {
                all.add(problem);
            }
        }
        return all;
    }

    private static boolean within(String field, String typeField) {
        return field.equals(typeField) || field.startsWith(typeField + ".") || field.startsWith(typeField + "[")
                || typeField.equals("body");
    }
}
