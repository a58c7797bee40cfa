package io.passerelle.export;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Every ERP module's outbound flows. */
@Component
public class OutboundFlows {

    private final List<OutboundFlow<?, ?>> flows;

    public OutboundFlows(List<OutboundSource> sources) {
        this.flows = sources.stream().flatMap(source -> source.outbound().stream()).toList();
    }

    public List<OutboundFlow<?, ?>> all() {
        return flows;
    }

    public Optional<OutboundFlow<?, ?>> find(String erp, String name) {
        return flows.stream().filter(flow -> flow.erp().equals(erp) && flow.name().equals(name)).findFirst();
    }
}
