package io.passerelle.erp.abacus;

import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionTestResult;
import io.passerelle.connection.CredentialKey;
import io.passerelle.connection.Endpoint;
import io.passerelle.connection.ErpOption;
import io.passerelle.erp.ErpDescriptor;
import io.passerelle.erp.ErpModule;
import io.passerelle.erp.http.ClientCredentialTokens;
import io.passerelle.erp.http.RequestBudgets;
import io.passerelle.export.OutboundFlow;
import io.passerelle.sync.InboundFlowSpec;
import io.passerelle.sync.SourceSession;
import io.passerelle.timesheet.TimesheetLineSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Abacus through its Entity API (OData v4), one mandant per connection, linked through the company's AmID as
 * AbaClock links it: employees, projects and service codes in, the platform's clocked hours out as project
 * bookings. The connection test walks the link step by step (server, service user, mandant, scopes) and names the
 * step that failed.
 */
@Component
public class AbacusModule extends ErpModule {

    public static final String ERP = "abacus";
    static final String EMPLOYEES = "employees";
    static final String PROJECTS = "projects";
    static final String SERVICE_CODES = "serviceCodes";
    static final String TIMESHEETS = "timesheets";

    static final List<InboundFlowSpec> FLOWS = List.of(
            new InboundFlowSpec(EMPLOYEES, CanonicalEntity.EMPLOYEE, AbacusMappers::employee),
            new InboundFlowSpec(PROJECTS, CanonicalEntity.PROJECT, AbacusMappers::project),
            new InboundFlowSpec(SERVICE_CODES, CanonicalEntity.SERVICE_CODE, AbacusMappers::serviceCode));

    private static final ErpDescriptor DESCRIPTOR = new ErpDescriptor(ERP,
            "Abacus Entity API (OData v4), one mandant, OAuth 2.0 client credentials of a service user",
            Set.of("http", "https"),
            List.of(CredentialKey.required("clientId", "the OAuth client id of the Abacus service user", false),
                    CredentialKey.required("clientSecret", "that service user's client secret", true)),
            List.of(ErpOption.required(AbacusSession.MANDANT_OPTION, "the number of the Abacus mandant; it must be "
                            + "enabled for the Entity API and authorised for the service user", AbacusSession.MANDANT_PATTERN,
                            "a number, e.g. 7777"),
                    ErpOption.optional(AbacusSession.AMID_OPTION, "the company's AmID (Abacus mobileID), as AbaClock "
                            + "links it; shown with the link", null),
                    RequestBudgets.option(ERP, AbacusProperties.REQUESTS_PER_MINUTE)));

    private final AbacusTransports transports;
    private final AbacusSource source;

    public AbacusModule(AbacusTransports transports, TimesheetLineSource lines, AbacusBookingSink bookings) {
        // clocked hours (timesheet lines) → ProjectBookings, one booking per line, idempotent by its derived Id
        super(DESCRIPTOR, FLOWS, List.of(new OutboundFlow<>(ERP, TIMESHEETS, lines, bookings)));
        this.transports = transports;
        this.source = new AbacusSource(transports);
    }

    @Override
    public SourceSession open(Connection connection) {
        return source.open(connection);
    }

    @Override
    public ConnectionTestResult test(Connection connection, Endpoint endpoint) {
        return probing(transports, connection, endpoint, new LinkedHashMap<>(), (transport, details) -> {
            // a token cache of its own: the test must really present the id and secret
            AbacusSession session = transports.session(connection, transport, new ClientCredentialTokens());
            AbacusLinkCheck.Outcome outcome = new AbacusLinkCheck(session, AbacusSession.amId(connection), details).run();
            return testResult(outcome.ok(), endpoint, outcome.kind(), outcome.message(), outcome.details());
        });
    }

    @Override
    public Optional<Map<String, Object>> linkIdentity(Connection connection) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("amId", AbacusSession.amId(connection));
        Object mandant = connection.options() == null ? null : connection.options().get(AbacusSession.MANDANT_OPTION);
        identity.put("mandant", mandant == null ? null : mandant.toString().strip());
        return Optional.of(identity);
    }

    @Override
    public Optional<String> linkFailure(Throwable failure) {
        return AbacusFailures.link(failure, null, null).map(Throwable::getMessage);
    }
}
