package io.passerelle.sync;

/** A refresh by key that cannot be made: the flow cannot ask for one record, or the key is not of its form. */
public class RefreshKeyRefusedException extends RuntimeException {

    public RefreshKeyRefusedException(String message) {
        super(message);
    }
}
