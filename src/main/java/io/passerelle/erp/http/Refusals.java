package io.passerelle.erp.http;

/**
 * How one ERP's refusals become exceptions: the kit writes the words ({@link ErrorBodies}), the ERP may make its
 * own exception of them (Acumatica adds the fields its 422 names).
 */
public final class Refusals {

    /** Makes the exception for an answer, given the message the kit wrote for it. */
    @FunctionalInterface
    public interface Factory {
        RuntimeException refused(int status, String message, HttpAnswer answer);
    }

    private final String erp;
    private final Factory factory;

    public Refusals(String erp, Factory factory) {
        this.erp = erp;
        this.factory = factory;
    }

    /** Refusals as {@link RestRefusedException}s, with the code the body gave. */
    public static Refusals of(String erp) {
        return new Refusals(erp, (status, message, answer) -> new RestRefusedException(status,
                ErrorBodies.code(answer.body()), message));
    }

    /** The ERP's name as users know it, e.g. {@code Acumatica}. */
    public String erp() {
        return erp;
    }

    /** {@code GET CostCode answered HTTP 404 Not Found — …}. */
    public RuntimeException refused(String what, HttpAnswer answer) {
        return factory.refused(answer.status(), what + " answered " + ErrorBodies.describe(answer), answer);
    }

    /**
     * The ERP stayed busy beyond the retry bounds: {@code GET CostCode: Acumatica answered 429 Too Many Requests
     * 5 times; gave up after waiting 10 s in all — …}.
     */
    RuntimeException gaveUp(String what, HttpAnswer answer, String patience) {
        String words = ErrorBodies.words(answer.body());
        return factory.refused(answer.status(), what + ": " + erp + " answered " + answer.statusLine() + " " + patience
                + (words == null ? "" : " — " + words), answer);
    }
}
