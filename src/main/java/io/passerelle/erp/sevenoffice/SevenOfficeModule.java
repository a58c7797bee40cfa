package io.passerelle.erp.sevenoffice;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.canonical.CanonicalRecord;
import io.passerelle.canonical.MappingException;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionTestResult;
import io.passerelle.connection.CredentialKey;
import io.passerelle.connection.Endpoint;
import io.passerelle.connection.ErpOption;
import io.passerelle.erp.ErpDescriptor;
import io.passerelle.erp.ErpModule;
import io.passerelle.erp.http.ClientCredentialTokens;
import io.passerelle.erp.http.ErrorBodies;
import io.passerelle.erp.http.HttpAnswer;
import io.passerelle.erp.http.Reachability;
import io.passerelle.erp.http.RequestBudgets;
import io.passerelle.erp.http.RestRefusedException;
import io.passerelle.erp.http.RestRequest;
import io.passerelle.erp.http.RestSession;
import io.passerelle.erp.http.RestSourceSession;
import io.passerelle.erp.http.RestTransport;
import io.passerelle.run.Causes;
import io.passerelle.run.Futures;
import io.passerelle.sync.InboundFlowSpec;
import io.passerelle.sync.SourceSession;
import io.passerelle.sync.SyncTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * 24SevenOffice's REST API with OAuth 2.0 client credentials, one token per organization ({@code login_organization}):
 * customers (companies and persons) in. The connection test asks each organization of {@code options.organizations}
 * for a token, its information and one customer, and names what failed: the secret, an organization the client is not
 * connected to, a missing scope and the flow that needs it.
 */
@Component
public class SevenOfficeModule extends ErpModule {

    public static final String ERP = "24sevenoffice";
    static final String CUSTOMERS = "customers";
    static final String ORGANIZATIONS_OPTION = "organizations";
    static final String CUSTOMER_SCOPE = "api.crm.customer:read";
    static final String ORGANIZATION_SCOPE = "api.organization.information:read";

    static final List<InboundFlowSpec> FLOWS = List.of(
            new InboundFlowSpec(CUSTOMERS, CanonicalEntity.CUSTOMER, SevenOfficeMappers::customer));

    private static final ErpDescriptor DESCRIPTOR = new ErpDescriptor(ERP,
            "24SevenOffice REST API (rest.api.24sevenoffice.com/v1), OAuth 2.0 client credentials, one token per organization",
            Set.of("http", "https"),
            List.of(CredentialKey.required("clientId", "the client id of the 24SevenOffice API client", false),
                    CredentialKey.required("clientSecret", "that client's secret", true)),
            List.of(ErpOption.required(ORGANIZATIONS_OPTION, "the Organization IDs the client is connected to (as for "
                            + "login_organization), e.g. [4711]", "\\[?\\s*\\d+(\\s*,\\s*\\d+)*\\s*\\]?",
                            "a list of Organization IDs, e.g. [4711, 4712]"),
                    ErpOption.optional(SevenOfficeTransports.TOKEN_URL_OPTION, "the token endpoint",
                            "https://login.24sevenoffice.com/oauth/token"),
                    RequestBudgets.option(ERP, SevenOfficeProperties.REQUESTS_PER_MINUTE)));

    private final SevenOfficeTransports transports;

    public SevenOfficeModule(SevenOfficeTransports transports) {
        super(DESCRIPTOR, FLOWS, List.of());
        this.transports = transports;
    }

    /** {@code options.organizations}: a list of ids, or one id. */
    static List<Long> organizations(Connection connection) {
        Object value = connection.options() == null ? null : connection.options().get(ORGANIZATIONS_OPTION);
        List<Long> ids = new ArrayList<>();
        Iterable<?> items = value instanceof Iterable<?> list ? list
                : value == null ? List.of() : List.of(value.toString().replaceAll("[\\[\\]\\s]", "").split(","));
        for (Object item : items) {
            String text = String.valueOf(item).strip();
            if (!text.matches("\\d{1,18}")) {
                throw new IllegalArgumentException("options." + ORGANIZATIONS_OPTION + " must list Organization IDs, e.g. [4711]");
            }
            ids.add(Long.parseLong(text));
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("options." + ORGANIZATIONS_OPTION + " must name at least one Organization ID");
        }
        return ids;
    }

    /** A token is valid for one organization: each selected organization is imported on a session of its own. */
    @Override
    public boolean perCompany() {
        return true;
    }

    @Override
    public List<String> companyIds(Connection connection) {
        return organizations(connection).stream().map(String::valueOf).toList();
    }

    /** Each organization's {@code /organization/information}: its {@code id} is what the platform knows it by. */
    @Override
    public List<CanonicalRecord> reach(Connection connection) {
        List<CanonicalRecord> found = new ArrayList<>();
        for (long organization : organizations(connection)) {
            RestSession session = transports.session(connection, organization);
            try {
                session.signIn();
            } catch (RuntimeException e) {
                throw new IllegalStateException(tokenFailure(e, organization, new LinkedHashMap<>())[1], e);
            }
            HttpAnswer information = Futures.join(session.exchange(get("/organization/information", Map.of()),
                    "GET organization/information"));
            if (information.status() == 403) {
                throw new IllegalStateException("organization " + organization + ": scope " + ORGANIZATION_SCOPE
                        + " is missing: the organization's name and identity need it");
            }
            if (!information.ok()) {
                throw SevenOfficeTransports.REFUSALS.refused("GET organization/information", information);
            }
            try {
                found.add(SevenOfficeMappers.organization(session.client().json(information), organization));
            } catch (MappingException e) {
                throw new IllegalStateException("organization " + organization + ": " + e.getMessage(), e);
            }
        }
        return found;
    }

    @Override
    public SourceSession open(Connection connection) {
        List<Long> organizations = organizations(connection);
        return open(connection, organizations.get(0));
    }

    @Override
    public SourceSession open(Connection connection, SyncTarget target) {
        return open(connection, Long.parseLong(target.erpCompanyId()));
    }

    private SourceSession open(Connection connection, long organization) {
        RestSession session = transports.session(connection, organization);
        session.signIn();
        return new RestSourceSession(session, SevenOfficeSource.listing());
    }

    @Override
    public ConnectionTestResult test(Connection connection, Endpoint endpoint) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("url", endpoint.url());
        List<Long> organizations;
        RestTransport api;
        RestTransport tokenHost;
        try {
            organizations = organizations(connection);
            api = transports.probe(connection, endpoint);
            tokenHost = transports.probeTokenHost(connection);
        } catch (IllegalArgumentException e) {
            return testResult(false, endpoint, "configuration", e.getMessage(), details);
        }
        List<Map<String, Object>> checked = new ArrayList<>();
        details.put("organizations", checked);
        try (api; tokenHost) {
            ClientCredentialTokens fresh = new ClientCredentialTokens();
            String failedKind = null;
            List<String> words = new ArrayList<>();
            for (long organization : organizations) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("id", organization);
                checked.add(one);
                String[] outcome = organization(transports.session(connection, api, tokenHost, fresh, organization),
                        organization, one);
                if (outcome != null) {
                    failedKind = failedKind == null ? outcome[0] : failedKind;
                    words.add(outcome[1]);
                }
            }
            if (failedKind != null) {
                return testResult(false, endpoint, failedKind, String.join("; ", words), details);
            }
            return testResult(true, endpoint, "ok", "the client reaches " + String.join(", ", checked.stream()
                    .map(o -> o.get("name") + " (" + o.get("id") + ")").toList()) + "; flow customers may run", details);
        }
    }

    /** Checks one organization; answers {kind, words} of its failure, or null. */
    private static String[] organization(RestSession session, long organization, Map<String, Object> details) {
        try {
            session.signIn();
        } catch (RuntimeException e) {
            return tokenFailure(e, organization, details);
        }
        HttpAnswer information = Futures.join(session.exchange(get("/organization/information", Map.of()),
                "GET organization/information"));
        if (information.status() == 403) {
            return failed(details, "missing-scope", "organization " + organization + ": scope " + ORGANIZATION_SCOPE
                    + " is missing: the organization's name and identity need it");
        }
        if (!information.ok()) {
            return failed(details, "error", SevenOfficeTransports.REFUSALS.refused("GET organization/information", information)
                    .getMessage());
        }
        JsonNode body = session.client().json(information);
        details.put("name", body.path("name").asText(null));
        details.put("organizationId", body.path("id").asText(null));
        HttpAnswer customers = Futures.join(session.exchange(get("/customers", Map.of("limit", "1")), "GET customers"));
        if (customers.status() == 403) {
            return failed(details, "missing-scope", "organization " + organization + ": scope " + CUSTOMER_SCOPE
                    + " is missing: flow customers needs it");
        }
        if (!customers.ok()) {
            return failed(details, "error", SevenOfficeTransports.REFUSALS.refused("GET customers", customers).getMessage());
        }
        details.put("ok", true);
        return null;
    }

    private static String[] tokenFailure(RuntimeException failure, long organization, Map<String, Object> details) {
        Optional<Throwable> neverConnected = Reachability.neverConnected(failure);
        if (neverConnected.isPresent()) {
            return failed(details, "refused", "cannot reach 24SevenOffice's token endpoint: "
                    + Reachability.words(neverConnected.get()));
        }
        RestRefusedException refused = Causes.find(failure, RestRefusedException.class).orElse(null);
        if (refused != null && refused.status() == 401) {
            return failed(details, "bad-credentials", "24SevenOffice refused the client id or secret ("
                    + refused.code() + ")");
        }
        if (refused != null && refused.status() == 403) {
            return failed(details, "organization-not-connected", "organization " + organization + " is not connected to "
                    + "this client (or the audience is wrong): connect the client to it in 24SevenOffice, or correct "
                    + "options.organizations");
        }
        String words = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return failed(details, "error", "organization " + organization + ": " + ErrorBodies.words(words));
    }

    private static String[] failed(Map<String, Object> details, String kind, String message) {
        details.put("ok", false);
        details.put("message", message);
        return new String[] {kind, message};
    }

    private static RestRequest get(String path, Map<String, String> query) {
        return RestRequest.get(path, query).withHeaders(Map.of("Accept", "application/json"));
    }
}
