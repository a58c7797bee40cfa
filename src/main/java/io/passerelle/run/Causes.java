package io.passerelle.run;

import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.RuntimeCamelException;

/**
 * Walks a failure's causes, the one place that does. Futures and Camel wrap what really happened (a refused
 * connection, an ERP's refusal) in exceptions of their own; what users read, and what code decides on, is inside.
 */
public final class Causes {

    private Causes() {
    }

    /** The failure and its causes, outermost first: what a classification walks. */
    public static java.util.List<Throwable> chain(Throwable failure) {
        java.util.List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable cause = failure; cause != null && !chain.contains(cause); cause = next(cause)) {
            chain.add(cause);
        }
        return chain;
    }

    /** The first cause of this type, the failure itself included. */
    public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    /** Without the wrappers that only say "it happened elsewhere": completion, execution and Camel's own. */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException
                || cause instanceof CamelExecutionException || cause.getClass() == RuntimeCamelException.class)
                && next(cause) != null) {
            cause = next(cause);
        }
        return cause;
    }

    /** The innermost cause. */
    private static Throwable root(Throwable failure) {
        Throwable root = failure;
        while (next(root) != null) {
            root = next(root);
        }
        return root;
    }

    /** The innermost cause's message, its first line only (parsers append context), or its type when it has none. */
    public static String rootMessage(Throwable failure) {
        Throwable root = root(failure);
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    private static Throwable next(Throwable cause) {
        return cause.getCause() == cause ? null : cause.getCause();
    }
}
