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

    /**
     * Starts the record of the body the current request is about to read, replacing any earlier one; null outside
     * a request, where type errors keep failing the read.
     */
    public static List<FieldProblem> startRecording() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return null;
        }
        List<FieldProblem> problems = new ArrayList<>();
        request.setAttribute(ATTRIBUTE, problems, RequestAttributes.SCOPE_REQUEST);
        return problems;
    }

    /** The type errors of the current request's body; empty when there were none or outside a request. */
    @SuppressWarnings("unchecked")
    public static List<FieldProblem> current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object problems = request == null ? null : request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return problems == null ? List.of() : List.copyOf((List<FieldProblem>) problems);
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
