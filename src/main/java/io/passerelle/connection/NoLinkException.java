package io.passerelle.connection;

/** Link or unlink of a connection whose ERP links its connections to no company of its own; the API answers 409. */
public class NoLinkException extends RuntimeException {

    public NoLinkException(String connectionId, String erp) {
        super("this ERP has no link: connection " + connectionId + " is of " + erp
                + ", whose connections are not linked to one company of theirs; there is nothing to link or unlink");
    }
}
