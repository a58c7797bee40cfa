package io.passerelle.api;

import io.passerelle.company.CompanyService;
import io.passerelle.company.ConnectionCompanyView;
import io.passerelle.company.InvalidCompanyRequestException;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionService;
import io.passerelle.run.FailureMessages;
import io.passerelle.sync.SyncTargets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET|PUT /api/connections/{id}/companies}: the companies a connection reaches (for one of an ERP that imports
 * none, its own company) and which of them it imports: {@code {"items": [{"erpCompanyId", "name", "number",
 * "selected", "company"}]}}. A PUT {@code {"selected": ["4711", …]}} imports those and no other; new companies are
 * selected when they first come. For a connection whose ERP reaches several companies (24SevenOffice), the ERP is
 * asked first what they are; when it cannot say, the list is as last known and {@code message} says why.
 */
@RestController
public class ConnectionCompanyController {

    private final ConnectionService connections;
    private final CompanyService companies;
    private final SyncTargets targets;

    public ConnectionCompanyController(ConnectionService connections, CompanyService companies, SyncTargets targets) {
        this.connections = connections;
        this.companies = companies;
        this.targets = targets;
    }

    /** The body of a PUT: the {@code erpCompanyId} of each company to import. */
    public record Selection(List<String> selected) {
    }

    @GetMapping("/api/connections/{id}/companies")
    public Map<String, Object> list(@PathVariable String id) {
        Connection connection = connections.get(id); // 404 for an unknown or archived connection
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            targets.discover(connection);
        } catch (RuntimeException e) {
            body.put("message", "the companies are as last known: " + FailureMessages.describe(e));
        }
        body.put("items", companies.companiesOf(id));
        return body;
    }

    @PutMapping("/api/connections/{id}/companies")
    public Map<String, List<ConnectionCompanyView>> select(@PathVariable String id, @RequestBody Selection selection) {
        Connection connection = connections.get(id);
        if (targets.perCompany(connection) && targets.reached(connection).isEmpty()) {
            targets.discover(connection); // a selection names companies the connection has met
        }
        return Map.of("items", companies.select(id, selection == null ? null : selection.selected()));
    }

    @ExceptionHandler(InvalidCompanyRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidCompanyRequestException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .body(Problems.of(HttpStatus.BAD_REQUEST, e.getMessage(), e.problems()));
    }
}
