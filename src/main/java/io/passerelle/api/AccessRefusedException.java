package io.passerelle.api;

import io.passerelle.connection.FieldProblem;

/** 403: the caller's role allows the call, but not on this connection or company (see {@link ConnectionGuard}). */
public class AccessRefusedException extends RuntimeException {

    private final FieldProblem problem;

    AccessRefusedException(FieldProblem problem) {
        super(problem.message());
        this.problem = problem;
    }

    public FieldProblem problem() {
        return problem;
    }
}
