package io.passerelle.erp;

import io.passerelle.export.OutboundFlow;
import io.passerelle.export.OutboundRoutes;
import io.passerelle.routes.RouteFileException;
import io.passerelle.routes.RouteFiles;
import io.passerelle.sync.FlowRoutes;
import io.passerelle.sync.InboundFlowSpec;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At start-up, every ERP module's flows against the route files: each flow, inbound or outbound, has its
 * {@code routes/<erp>/<flow>.camel.yaml}, which parses and whose parameters are right, and no file in an ERP's
 * folder names a flow the module does not declare (a typo there would otherwise be a flow that never runs).
 * Anything wrong stops the start, every problem named.
 */
@Component
class ErpRouteCheck implements SmartInitializingSingleton {

    private final List<ErpModule> modules;
    private final RouteFiles files;
    private final FlowRoutes flows;
    private final OutboundRoutes outbound;

    ErpRouteCheck(List<ErpModule> modules, RouteFiles files, FlowRoutes flows, OutboundRoutes outbound) {
        this.modules = modules;
        this.files = files;
        this.flows = flows;
        this.outbound = outbound;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> problems = new ArrayList<>();
        for (ErpModule module : modules) {
            problems.addAll(check(module));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the route files do not match the ERP modules:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    List<String> check(ErpModule module) {
        List<String> problems = new ArrayList<>();
        for (InboundFlowSpec spec : module.inbound()) {
            try {
                flows.check(RouteFiles.flowFile(module.erp(), spec.name()), spec);
            } catch (RouteFileException e) {
                problems.add(e.getMessage());
            }
        }
        for (OutboundFlow<?, ?> flow : module.outbound()) {
            try {
                outbound.check(RouteFiles.flowFile(module.erp(), flow.name()), flow);
            } catch (RouteFileException e) {
                problems.add(e.getMessage());
            }
        }
        List<String> declared = new ArrayList<>(module.inboundFlows());
        declared.addAll(module.outboundFlows());
        for (String file : files.filesIn(module.erp())) {
            String flow = file.substring(module.erp().length() + 1, file.length() - RouteFiles.SUFFIX.length());
            if (!declared.contains(flow)) {
                problems.add(file + ": '" + flow + "' is not a flow of " + module.erp() + "; its flows: "
                        + String.join(", ", declared));
            }
        }
        return problems;
    }
}
