package io.passerelle.connection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.passerelle.request.MergesTypeProblems;

/**
 * A connection as clients write it: the body of {@code POST}/{@code PUT /api/connections} and one entry of a
 * bootstrap file. Fields it does not know are kept aside (not dropped) so that they can be reported by name:
 * a misspelt {@code schedule} must not silently mean "no schedules".
 */
@MergesTypeProblems
public class ConnectionDocument {

    @JsonProperty
    private String id;
    @JsonProperty
    private CompanyDocument company;
    @JsonProperty
    private String erp;
    @JsonProperty
    private List<EndpointDocument> endpoints;
    @JsonProperty
    private Map<String, String> credentials;
    @JsonProperty
    private Map<String, String> schedules;
    @JsonProperty
    private Map<String, Object> options;
    @JsonProperty
    private String owner;
    @JsonProperty
    private Boolean allowOthersToEdit;
    private final List<String> unknownFields = new ArrayList<>();

    public ConnectionDocument() {
    }

    public ConnectionDocument(String id, CompanyDocument company, String erp, List<EndpointDocument> endpoints,
            Map<String, String> credentials, Map<String, String> schedules, Map<String, Object> options,
            String owner, Boolean allowOthersToEdit) {
        this.id = id;
        this.company = company;
        this.erp = erp;
        this.endpoints = endpoints;
        this.credentials = credentials;
        this.schedules = schedules;
        this.options = options;
        this.owner = owner;
        this.allowOthersToEdit = allowOthersToEdit;
    }

    @JsonAnySetter
    void unknownField(String name, Object ignored) {
        unknownFields.add(name);
    }

    public String id() {
        return id;
    }

    public String erp() {
        return erp;
    }

    /** The owner named, or null when none is (a blank one is none). */
    public String owner() {
        return owner == null || owner.isBlank() ? null : owner;
    }

    /** The switch as written, or null when it was left out. */
    public Boolean allowOthersToEdit() {
        return allowOthersToEdit;
    }

    /** Names the owner: the API sets the caller when the body names none. */
    public void ownedBy(String owner) {
        this.owner = owner;
    }

    /** Credentials as written, possibly with {@code "****"} for "keep what is stored"; never null. */
    public Map<String, String> credentials() {
        return credentials == null ? Map.of() : credentials;
    }

    /** Paths of the fields this document does not know, e.g. {@code company.adress}, {@code endpoints[1].uri}. */
    public List<String> unknownFields() {
        List<String> all = new ArrayList<>(unknownFields);
        if (company != null) {
            company.unknownFields.forEach(name -> all.add("company." + name));
        }
        if (endpoints != null) {
            for (int i = 0; i < endpoints.size(); i++) {
                EndpointDocument endpoint = endpoints.get(i);
                if (endpoint != null) {
                    String prefix = "endpoints[" + i + "].";
                    endpoint.unknownFields.forEach(name -> all.add(prefix + name));
                }
            }
        }
        return all;
    }

    /**
     * The connection this document describes, with the given id and credentials (the caller decides what
     * {@code "****"} stands for). Missing parts become nulls or empty collections for the validator to name.
     */
    public Connection toConnection(String connectionId, Map<String, String> resolvedCredentials) {
        List<Endpoint> endpointList = new ArrayList<>();
        if (endpoints != null) {
            endpoints.forEach(e -> endpointList.add(e == null ? new Endpoint(null, null, false) : e.toEndpoint()));
        }
        return new Connection(
                connectionId,
                company == null ? null : new Company(company.code, company.name),
                erp,
                endpointList,
                new LinkedHashMap<>(resolvedCredentials),
                schedules == null ? new LinkedHashMap<>() : new LinkedHashMap<>(schedules),
                options == null ? new LinkedHashMap<>() : new LinkedHashMap<>(options),
                owner(),
                Boolean.TRUE.equals(allowOthersToEdit),
                null,
                null);
    }

    public static class CompanyDocument {

        @JsonProperty
        private String code;
        @JsonProperty
        private String name;
        private final List<String> unknownFields = new ArrayList<>();

        public CompanyDocument() {
        }

        public CompanyDocument(String code, String name) {
            this.code = code;
            this.name = name;
        }

        @JsonAnySetter
        void unknownField(String field, Object ignored) {
            unknownFields.add(field);
        }
    }

    public static class EndpointDocument {

        @JsonProperty
        private String name;
        @JsonProperty
        private String url;
        @JsonProperty("default")
        private Boolean isDefault;
        private final List<String> unknownFields = new ArrayList<>();

        public EndpointDocument() {
        }

        public EndpointDocument(String name, String url, Boolean isDefault) {
            this.name = name;
            this.url = url;
            this.isDefault = isDefault;
        }

        @JsonAnySetter
        void unknownField(String field, Object ignored) {
            unknownFields.add(field);
        }

        Endpoint toEndpoint() {
            return new Endpoint(name, url, Boolean.TRUE.equals(isDefault));
        }
    }
}
