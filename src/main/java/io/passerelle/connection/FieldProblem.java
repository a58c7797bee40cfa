package io.passerelle.connection;

/** One thing wrong with a request, named by the path of the field it is about, e.g. {@code schedules.employees}. */
public record FieldProblem(String field, String message) {
}
