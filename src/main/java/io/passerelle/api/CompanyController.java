package io.passerelle.api;

import io.passerelle.company.CompanyCheck;
import io.passerelle.company.CompanyNotFoundException;
import io.passerelle.company.CompanyPage;
import io.passerelle.company.CompanyService;
import io.passerelle.company.CompanyView;
import io.passerelle.company.ImportedRelationException;
import io.passerelle.company.InvalidCompanyRequestException;
import io.passerelle.company.RelationNotFoundException;
import io.passerelle.company.RelationRequest;
import io.passerelle.company.RelationView;
import io.passerelle.connection.FieldProblem;
import io.passerelle.sync.RecordPage;
import io.passerelle.sync.RecordReader;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/companies}: platform companies, one per real company whichever connections bring it; each with its
 * relations (directors, shareholders, auditors), manual ones added and deleted here, its checks, and its records.
 * Writes need ADMIN or ENGINEER, reads any role (the security rules); a company brought only by connections closed to
 * the caller is refused by {@link ConnectionGuard}.
 */
@RestController
@RequestMapping("/api/companies")
public class CompanyController {

    private final CompanyService companies;
    private final RecordReader records;
    private final ConnectionGuard guard;

    public CompanyController(CompanyService companies, RecordReader records, ConnectionGuard guard) {
        this.companies = companies;
        this.records = records;
        this.guard = guard;
    }

    /**
     * {@code {"items": [{"id", "name", "number", "address", "generalAssemblyDate", "connections", …}], "next"}}: the
     * companies whose data the caller may see (every one for an ADMIN; else those a connection open to it brings).
     */
    @GetMapping
    public CompanyPage search(@RequestParam(required = false) String q, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String after) {
        if (q != null && q.length() > RecordController.MAX_QUERY) {
            throw new InvalidParameterException("q", "at most " + RecordController.MAX_QUERY + " characters");
        }
        return companies.search(q == null || q.isBlank() ? null : q, PageLimit.resolve(limit),
                RecordController.cursor(after), guard.openConnections());
    }

    /** The company with its {@code relations}, current and ended. */
    @GetMapping("/{id}")
    public CompanyView get(@PathVariable long id) {
        return companies.get(id);
    }

    /** Its records ({@code customers}, …) from whichever of its connections brought them, each once. */
    @GetMapping("/{id}/records/{entity}")
    public RecordPage records(@PathVariable long id, @PathVariable String entity,
            @RequestParam(required = false) String q, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String after) {
        if (q != null && q.length() > RecordController.MAX_QUERY) {
            throw new InvalidParameterException("q", "at most " + RecordController.MAX_QUERY + " characters");
        }
        int pageSize = PageLimit.resolve(limit);
        Long cursor = RecordController.cursor(after);
        companies.requireExists(id);
        return records.listOfCompany(id, entity, q == null || q.isBlank() ? null : q, pageSize, cursor);
    }

    /** 201: a MANUAL relation, which no import changes or removes. */
    @PostMapping("/{id}/relations")
    public ResponseEntity<RelationView> addRelation(@PathVariable long id, @RequestBody RelationRequest request) {
        RelationView added = companies.addRelation(id, request);
        return ResponseEntity.created(URI.create("/api/companies/" + id + "/relations/" + added.id())).body(added);
    }

    /** 204 for a manual relation; 409 for an imported one (its ERP keeps it). */
    @DeleteMapping("/{id}/relations/{relationId}")
    public ResponseEntity<Void> deleteRelation(@PathVariable long id, @PathVariable long relationId) {
        companies.deleteRelation(id, relationId);
        return ResponseEntity.noContent().build();
    }

    /** {@code {"items": [{"code", "severity", "message", "relations"}]}}: empty when nothing is wrong. */
    @GetMapping("/{id}/checks")
    public Map<String, List<CompanyCheck>> checks(@PathVariable long id) {
        return Map.of("items", companies.checks(id));
    }

    @ExceptionHandler(CompanyNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(CompanyNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), List.of(new FieldProblem("id", "no such company")));
    }

    @ExceptionHandler(RelationNotFoundException.class)
    ResponseEntity<ProblemDetail> relationNotFound(RelationNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(),
                List.of(new FieldProblem("relationId", "no such relation of this company")));
    }

    @ExceptionHandler(ImportedRelationException.class)
    ResponseEntity<ProblemDetail> imported(ImportedRelationException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), List.of(new FieldProblem("relationId",
                "imported: its ERP keeps it; only a manual relation can be deleted")));
    }

    @ExceptionHandler(InvalidCompanyRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidCompanyRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.problems());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, List<FieldProblem> errors) {
        return ResponseEntity.status(status).body(Problems.of(status, detail, errors));
    }
}
