package io.passerelle.connection;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.canonical.CanonicalRecord;
import io.passerelle.canonical.MappingException;
import io.passerelle.sync.InboundFlowSpec;
import io.passerelle.sync.InboundSource;
import io.passerelle.sync.SourceSession;
import java.util.List;

/**
 * The inbound side of {@link FakeErpConnector}: its flows and the tables they write, for the ERP-neutral parts that
 * read the flow registry (cursors). It reaches no ERP: the API tests mock the sync launcher.
 */
public class FakeInboundSource implements InboundSource {

    private static final List<InboundFlowSpec> FLOWS = List.of(
            new InboundFlowSpec("projects", CanonicalEntity.PROJECT, FakeInboundSource::unmapped),
            new InboundFlowSpec("employees", CanonicalEntity.EMPLOYEE, FakeInboundSource::unmapped),
            new InboundFlowSpec("vendors", CanonicalEntity.VENDOR, FakeInboundSource::unmapped));

    @Override
    public String erp() {
        return FakeErpConnector.ERP;
    }

    @Override
    public List<InboundFlowSpec> inbound() {
        return FLOWS;
    }

    @Override
    public SourceSession open(Connection connection) {
        throw new IllegalStateException("the test ERP has no server to open a session with");
    }

    private static CanonicalRecord unmapped(JsonNode item) {
        throw new MappingException("UNMAPPED", "the test ERP maps nothing");
    }
}
