package io.passerelle.codemap;

import java.util.NoSuchElementException;

/** A map kind the API does not know (only {@code hourTypes}, {@code earnings} and {@code projects}); answered 404. */
public class UnknownCodeMapKindException extends NoSuchElementException {

    public UnknownCodeMapKindException(String kind) {
        super("no code map kind '" + kind + "': use one of " + CodeMapKind.paths());
    }
}
