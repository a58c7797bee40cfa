package io.passerelle.connection;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** The {@link ErpConnector} beans of this build, by the ERP name they serve. */
@Component
public class ErpConnectors {

    private final Map<String, ErpConnector> byErp;

    public ErpConnectors(List<ErpConnector> connectors) {
        // a duplicate would make the choice of connector depend on bean order: refuse to start instead
        this.byErp = connectors.stream().collect(Collectors.toUnmodifiableMap(ErpConnector::erp, Function.identity(),
                (a, b) -> {
                    throw new IllegalStateException("two ErpConnector beans serve ERP '" + a.erp() + "'");
                }));
    }

    public Optional<ErpConnector> find(String erp) {
        return Optional.ofNullable(erp).map(byErp::get);
    }

    /** The connector, or {@link ErpNotSupportedException} (422) when this build has none for that ERP. */
    public ErpConnector require(String erp) {
        return find(erp).orElseThrow(() -> new ErpNotSupportedException(erp));
    }
}
