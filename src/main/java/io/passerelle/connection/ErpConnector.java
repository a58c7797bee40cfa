package io.passerelle.connection;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the ERP-neutral parts (API, validation, scheduling) need to know about one ERP. Implemented by the ERP's
 * one module bean ({@code erp.ErpModule}, in its {@code erp/<name>} package), which the engines also read.
 */
public interface ErpConnector {

    /** The value of a connection's {@code erp} field, e.g. {@code avantage}. */
    String erp();

    /** Inbound flow names in the order {@code sync/all} runs them (dependencies first). */
    List<String> inboundFlows();

    /** Outbound flow names (e.g. {@code timesheets}); empty when the ERP only feeds the platform. */
    default List<String> outboundFlows() {
        return List.of();
    }

    /** What this ERP is, in one line, for the API's list of ERPs. */
    default String description() {
        return erp();
    }

    /** The credentials a connection carries, required ones and optional ones, each described. */
    List<CredentialKey> credentials();

    /** What a connection of this ERP may set in its {@code options}. */
    default List<ErpOption> options() {
        return List.of();
    }

    /** Credential keys a connection must carry. */
    default Set<String> requiredCredentials() {
        return credentials().stream().filter(CredentialKey::required).map(CredentialKey::name).collect(Collectors.toSet());
    }

    /** Credential keys a connection may carry besides the required ones. */
    default Set<String> optionalCredentials() {
        return credentials().stream().filter(key -> !key.required()).map(CredentialKey::name).collect(Collectors.toSet());
    }

    /** URL schemes the endpoints of this ERP use, e.g. {@code tcp} or {@code https}. */
    Set<String> endpointSchemes();

    /**
     * When the connection's credentials stop working, for ERPs whose tokens have an expiry date the connection knows
     * (AdminPulse's {@code options.tokenExpiresOn}); health warns before it. Empty when unknown.
     */
    default Optional<LocalDate> credentialsExpireOn(Connection connection) {
        return Optional.empty();
    }

    /** Reaches the endpoint and says in words what failed. Never throws, never reveals a secret. */
    ConnectionTestResult test(Connection connection, Endpoint endpoint);

    /** ERPs whose connections are linked to one company of theirs (Abacus: an AmID and a mandant): what the link names, e.g. {"amId": "...", "mandant": "7777"}; empty when the ERP has no link, and then connections show no link. */
    default Optional<Map<String, Object>> linkIdentity(Connection connection) { return Optional.empty(); }

    /** Whether a run's failure is the link's (ERP unreachable, credentials or mandant refused, a scope missing), in words for the link's message; empty when it is not (the link stays as it was). */
    default Optional<String> linkFailure(Throwable failure) { return Optional.empty(); }
}
