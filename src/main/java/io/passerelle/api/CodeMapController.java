package io.passerelle.api;

import java.util.List;

import io.passerelle.codemap.CodeMapDocument;
import io.passerelle.codemap.CodeMapKind;
import io.passerelle.codemap.CodeMapService;
import io.passerelle.codemap.InvalidCodeMapException;
import io.passerelle.codemap.ProjectSuggestionPage;
import io.passerelle.codemap.ProjectSuggestionRequest;
import io.passerelle.codemap.ProjectSuggestions;
import io.passerelle.codemap.UnknownCodeMapKindException;
import io.passerelle.connection.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET|PUT /api/connections/{id}/maps/{kind}}, kind {@code hourTypes}, {@code earnings} or {@code projects}:
 * platform codes → the ERP's codes. PUT replaces the whole map; the security rules let ADMIN and ENGINEER write.
 * {@code …/maps/projects/suggestions} proposes project links and links nothing.
 */
@RestController
public class CodeMapController {

    private final CodeMapService maps;
    private final ProjectSuggestions suggestions;

    public CodeMapController(CodeMapService maps, ProjectSuggestions suggestions) {
        this.maps = maps;
        this.suggestions = suggestions;
    }

    @GetMapping("/api/connections/{id}/maps/{kind}")
    public CodeMapDocument get(@PathVariable String id, @PathVariable String kind) {
        return maps.get(id, kind);
    }

    @PutMapping("/api/connections/{id}/maps/{kind}")
    public CodeMapDocument replace(@PathVariable String id, @PathVariable String kind,
            @RequestBody CodeMapDocument document) {
        return maps.replace(id, kind, document);
    }

    /**
     * Proposed links for the projects map, by number: for {@code codes} (comma-separated or repeated), else for the
     * platform projects Passerelle knows for the company. Reads the company's synced projects: its data.
     */
    @GetMapping("/api/connections/{id}/maps/projects/suggestions")
    public ProjectSuggestionPage suggestions(@PathVariable String id,
            @RequestParam(required = false) List<String> codes) {
        return suggestions.forCodes(id, codes);
    }

    /** As above for platform projects with their names ({@code {"projects": [{"code", "name"}]}}): numbers and names. */
    @PostMapping("/api/connections/{id}/maps/projects/suggestions")
    public ProjectSuggestionPage suggestionsFor(@PathVariable String id, @RequestBody ProjectSuggestionRequest request) {
        return suggestions.forProjects(id, request);
    }

    @ExceptionHandler(InvalidCodeMapException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidCodeMapException e) {
        HttpStatus status = e.unprocessable() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).body(Problems.of(status, e.getMessage(), e.problems()));
    }

    @ExceptionHandler(UnknownCodeMapKindException.class)
    ResponseEntity<ProblemDetail> unknownKind(UnknownCodeMapKindException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND, e.getMessage(),
                List.of(new FieldProblem("kind", "one of " + CodeMapKind.paths()))));
    }
}
