package io.passerelle.api;

import io.passerelle.connection.CredentialKey;
import io.passerelle.connection.ErpConnector;
import io.passerelle.connection.ErpOption;
import io.passerelle.routes.RouteFiles;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What this build can do, read from the ERP modules and the route files: {@code GET /api/erps} (each ERP's
 * credentials, options and flows, what an engineer needs to write a connection) and {@code GET /api/routes} (each
 * route file loaded, where from, and why its last change was refused, if it was).
 */
@RestController
public class CatalogueController {

    private final List<ErpConnector> erps;
    private final RouteFiles routeFiles;

    public CatalogueController(List<ErpConnector> erps, RouteFiles routeFiles) {
        this.erps = erps.stream().sorted(Comparator.comparing(ErpConnector::erp)).toList();
        this.routeFiles = routeFiles;
    }

    record ErpView(String erp, String description, List<String> endpointSchemes, List<CredentialKey> credentials,
            List<ErpOption> options, List<String> inboundFlows, List<String> outboundFlows) {
    }

    @GetMapping("/api/erps")
    public Map<String, List<ErpView>> erps() {
        return Map.of("items", erps.stream().map(erp -> new ErpView(erp.erp(), erp.description(),
                erp.endpointSchemes().stream().sorted().toList(), erp.credentials(), erp.options(), erp.inboundFlows(),
                erp.outboundFlows())).toList());
    }

    @GetMapping("/api/routes")
    public Map<String, List<RouteFiles.FileStatus>> routes() {
        return Map.of("items", routeFiles.status());
    }
}
