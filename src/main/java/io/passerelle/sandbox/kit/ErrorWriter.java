package io.passerelle.sandbox.kit;

import java.util.Set;

/**
 * The ERP's own words for the failures the kit detects itself, so that a client sees the error shape of the
 * ERP it talks to (Acumatica's {@code message}/{@code exceptionMessage}, OData's {@code error.code}, RFC 7807...).
 */
public interface ErrorWriter {

    /** Why a body could not be used. */
    enum BodyProblem { UNREADABLE, EMPTY, NOT_JSON }

    /** No route has this path. */
    ErrorAnswer notFound(Request request);

    /** Routes have this path, none with this method; {@code allowed} lists theirs. */
    ErrorAnswer methodNotAllowed(Request request, Set<String> allowed);

    /** A handler failed unexpectedly: the answer must not carry a stack trace. */
    ErrorAnswer internalError(Request request, RuntimeException failure);

    /** The request's body cannot be read as the handler needs it. */
    ErrorAnswer badBody(Request request, BodyProblem problem);

    /** The answer of an injected 5xx ({@link Faults#serverErrorNext}); by default the load balancer's page. */
    default Answer serverError(Request request, int status) {
        return Answer.loadBalancerPage(status);
    }
}
