package io.passerelle.codemap;

import java.util.NoSuchElementException;

/** A map kind the API does not know (only {@code hourTypes} and {@code earnings}); answered 404. */
public class UnknownCodeMapKindException extends NoSuchElementException {

    public UnknownCodeMapKindException(String kind) {
        super("no code map kind '" + kind + "': use hourTypes or earnings");
    }
}
