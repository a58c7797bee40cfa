package io.passerelle.run;

/** The connection's ERP has no flow of that name. */
public class UnknownFlowException extends RuntimeException {

    public UnknownFlowException(String erp, String flow) {
        super("ERP '" + erp + "' has no flow '" + flow + "'");
    }
}
