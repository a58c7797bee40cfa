package io.passerelle.run;

/**
 * Published when a run (inbound or outbound) has its final status and counts.
 *
 * @param failure what failed the run (an ERP unreachable, credentials refused, a route file …), or null; for those
 *                who judge it, such as a connection's link ({@code connection.ErpConnector#linkFailure}). Its words
 *                are the run's {@code message} already.
 */
public record RunFinished(RunView run, Throwable failure) {

    public RunFinished(RunView run) {
        this(run, null);
    }
}
