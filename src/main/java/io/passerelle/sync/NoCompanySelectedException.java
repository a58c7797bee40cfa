package io.passerelle.sync;

/** A run of a connection that reaches several companies, none of which is selected (or named): nothing to import. */
public class NoCompanySelectedException extends RuntimeException {

    public NoCompanySelectedException(String connectionId) {
        super("connection '" + connectionId + "' has no selected company to import: select some with PUT "
                + "/api/connections/" + connectionId + "/companies");
    }
}
