package io.passerelle.connection;

/** A known ERP this build has no connector for yet; the API answers 422. */
public class ErpNotSupportedException extends RuntimeException {

    public ErpNotSupportedException(String erp) {
        super(notSupportedMessage(erp));
    }

    public static String notSupportedMessage(String erp) {
        return "ERP '" + erp + "' is not supported by this build yet";
    }
}
