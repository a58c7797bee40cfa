package io.passerelle.run;

/** Another connection's run imports a company this one would: only one import of a company runs at a time (409). */
public class CompanyImportBusyException extends FlowAlreadyRunningException {

    public CompanyImportBusyException(String connectionId, String company, String holder) {
        super("connection '" + connectionId + "' cannot import now: company " + company + " is being imported by a run"
                + " of connection '" + holder + "', and only one import of a company runs at a time; try again once"
                + " that run has finished");
    }
}
