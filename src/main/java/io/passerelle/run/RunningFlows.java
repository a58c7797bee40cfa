package io.passerelle.run;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * One run per connection and flow at a time, whoever triggers it (schedule, API, start-up) and on whichever instance:
 * the claims are rows of the database ({@link RunClaims}). The exports of one connection also run on one instance at a
 * time (its ERP sees one writer, and what is in doubt is read back by the instance that sent it).
 */
@Component
public class RunningFlows {

    private final RunClaims claims;

    RunningFlows(RunClaims claims) {
        this.claims = claims;
    }

    /** Claims all flows or none. @throws FlowAlreadyRunningException naming the busy one */
    public void claim(String connectionId, List<String> flows) {
        List<RunClaims.Claim> wanted = flows.stream().map(flow -> flow(connectionId, flow, RunClaims.Kind.FLOW)).toList();
        claims.takeAll(wanted, RunClaims.Reentrant.NEVER).ifPresent(refused -> {
            throw new FlowAlreadyRunningException(connectionId, flows.get(wanted.indexOf(refused.claim())));
        });
    }

    /**
     * Claims an export flow, and the connection's exports for this instance (shared by its export flows here, refused
     * while another instance runs one). @throws FlowAlreadyRunningException naming what is busy
     */
    public void claimExport(String connectionId, String flow) {
        RunClaims.Claim exports = exports(connectionId);
        claims.takeAll(List.of(exports, flow(connectionId, flow, RunClaims.Kind.EXPORT)),
                (claim, holder) -> claim.kind() == RunClaims.Kind.EXPORTS && holder.instanceId().equals(claims.instanceId()))
                .ifPresent(refused -> {
                    if (refused.claim().kind() == RunClaims.Kind.EXPORTS) {
                        throw new FlowAlreadyRunningException(connectionId, flow, "an export of this connection is "
                                + "running on instance " + refused.holder().instanceId() + "; its exports run on one "
                                + "instance at a time");
                    }
                    throw new FlowAlreadyRunningException(connectionId, flow);
                });
    }

    public void release(String connectionId, String flow) {
        claims.release(flow(connectionId, flow, RunClaims.Kind.FLOW));
    }

    public void releaseExport(String connectionId, String flow) {
        claims.release(flow(connectionId, flow, RunClaims.Kind.EXPORT));
        claims.releaseExports(exports(connectionId));
    }

    public boolean isRunning(String connectionId, String flow) {
        return claims.held(key(connectionId, flow));
    }

    private static RunClaims.Claim flow(String connectionId, String flow, RunClaims.Kind kind) {
        return new RunClaims.Claim(key(connectionId, flow), connectionId, kind);
    }

    private static RunClaims.Claim exports(String connectionId) {
        return new RunClaims.Claim("exports:" + connectionId, connectionId, RunClaims.Kind.EXPORTS);
    }

    /** The same key for a flow's sync and export runs: a connection's flow runs once at a time, in or out. */
    private static String key(String connectionId, String flow) {
        return "flow:" + connectionId + "/" + flow;
    }
}
