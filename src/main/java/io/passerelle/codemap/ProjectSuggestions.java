package io.passerelle.codemap;

import io.passerelle.canonical.KeyNormalizer;
import io.passerelle.connection.ConnectionNotFoundException;
import io.passerelle.connection.FieldProblem;
import io.passerelle.request.TypeProblems;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposes links for a connection's projects map (seed 002 step 7: once the projects are synced, the administrator
 * links each platform project to its ERP project): {@link ProjectMatcher} over the company's synced projects. The
 * platform's projects are the ones the caller gives (codes, and names when it has them); without any, the ones
 * Passerelle knows for the company: those the projects maps of its connections link, those its timesheet lines name
 * as platform projects, and those this connection's commitments and invoices name that are no synced ERP project.
 * Reads only: nothing is linked until the map is PUT.
 */
@Service
public class ProjectSuggestions {

    /** At most this many platform projects per request, and in the list of the known ones. */
    static final int MAX_PROJECTS = 500;
    static final int MAX_NAME = 1000;

    private final CodeMapStore store;

    public ProjectSuggestions(CodeMapStore store) {
        this.store = store;
    }

    /**
     * {@code GET …/suggestions?codes=}: the given codes (null or empty: the ones Passerelle knows), compared by number.
     *
     * @throws InvalidCodeMapException 400 naming {@code codes[i]} for a blank or too long code
     */
    @Transactional(readOnly = true)
    public ProjectSuggestionPage forCodes(String connectionId, List<String> codes) {
        long companyId = companyOf(connectionId);
        if (codes == null || codes.isEmpty()) {
            return suggest(connectionId, companyId, known(connectionId, companyId));
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<ProjectMatcher.PlatformProject> projects = new ArrayList<>();
        if (codes.size() > MAX_PROJECTS) {
            problems.add(new FieldProblem("codes", "at most " + MAX_PROJECTS + " codes"));
        } else {
            for (int i = 0; i < codes.size(); i++) {
                code("codes[" + i + "]", codes.get(i), problems);
                projects.add(new ProjectMatcher.PlatformProject(codes.get(i), null));
            }
        }
        refuseIf(problems);
        return suggest(connectionId, companyId, projects);
    }

    /**
     * {@code POST …/suggestions}: the given projects, compared by number and by name.
     *
     * @throws InvalidCodeMapException 400 naming each bad field ({@code projects[1].code})
     */
    @Transactional(readOnly = true)
    public ProjectSuggestionPage forProjects(String connectionId, ProjectSuggestionRequest request) {
        long companyId = companyOf(connectionId);
        List<FieldProblem> problems = new ArrayList<>();
        List<ProjectMatcher.PlatformProject> projects = new ArrayList<>();
        if (request == null || request.projects() == null) {
            problems.add(new FieldProblem("projects", "required: a list of {\"code\", \"name\"}"));
        } else if (request.projects().size() > MAX_PROJECTS) {
            problems.add(new FieldProblem("projects", "at most " + MAX_PROJECTS + " projects"));
        } else {
            for (int i = 0; i < request.projects().size(); i++) {
                String at = "projects[" + i + "]";
                ProjectSuggestionRequest.Project project = request.projects().get(i);
                if (project == null) {
                    problems.add(new FieldProblem(at, "must be an object"));
                    continue;
                }
                code(at + ".code", project.code(), problems);
                if (project.name() != null && project.name().length() > MAX_NAME) {
                    problems.add(new FieldProblem(at + ".name", "at most " + MAX_NAME + " characters"));
                }
                projects.add(new ProjectMatcher.PlatformProject(project.code(), project.name()));
            }
        }
        refuseIf(problems);
        return suggest(connectionId, companyId, projects);
    }

    private ProjectSuggestionPage suggest(String connectionId, long companyId,
            List<ProjectMatcher.PlatformProject> projects) {
        if (projects.isEmpty()) {
            return new ProjectSuggestionPage(List.of());
        }
        ProjectMatcher matcher = new ProjectMatcher(projects);
        store.companyProjects(companyId, matcher::offer);
        List<List<ProjectMatcher.Match>> proposals = matcher.proposals();
        Map<String, String> linked = store.links(connectionId, CodeMapKind.PROJECTS,
                projects.stream().map(p -> KeyNormalizer.matchKey(p.code())).distinct().toList());
        List<ProjectSuggestionPage.Item> items = new ArrayList<>(projects.size());
        for (int i = 0; i < projects.size(); i++) {
            ProjectMatcher.PlatformProject project = projects.get(i);
            String code = KeyNormalizer.matchKey(project.code());
            items.add(new ProjectSuggestionPage.Item(code, blankToNull(project.name()), linked.get(code),
                    proposals.get(i).stream().map(m -> new ProjectSuggestionPage.Suggestion(m.project().number(),
                            m.project().name(), m.project().status(), m.reason().text())).toList()));
        }
        return new ProjectSuggestionPage(items);
    }

    /**
     * The platform projects Passerelle knows for the company, by code: linked in a projects map of one of its
     * connections, or named by its items without being a synced ERP project. The first {@link #MAX_PROJECTS} by code.
     */
    private List<ProjectMatcher.PlatformProject> known(String connectionId, long companyId) {
        TreeMap<String, ProjectMatcher.PlatformProject> known = new TreeMap<>();
        store.linkedPlatformProjects(companyId).forEach(code -> add(known, code));
        List<String> named = store.namedProjects(companyId, connectionId).stream().map(KeyNormalizer::matchKey)
                .filter(Objects::nonNull).distinct().toList();
        Collection<String> synced = named.isEmpty() ? List.of()
                : store.erpCodes(companyId, CodeMapKind.PROJECTS, named).keySet();
        named.stream().filter(code -> !synced.contains(code)).forEach(code -> add(known, code));
        return known.values().stream().limit(MAX_PROJECTS).toList();
    }

    private static void add(Map<String, ProjectMatcher.PlatformProject> known, String code) {
        String key = KeyNormalizer.matchKey(code);
        if (key != null) {
            known.putIfAbsent(key, new ProjectMatcher.PlatformProject(key, null));
        }
    }

    private static void code(String field, String code, List<FieldProblem> problems) {
        String key = KeyNormalizer.matchKey(code);
        if (key == null) {
            problems.add(new FieldProblem(field, "required"));
        } else if (key.length() > CodeMapValidator.MAX_PLATFORM_CODE) {
            problems.add(new FieldProblem(field, "at most " + CodeMapValidator.MAX_PLATFORM_CODE
                    + " characters (a platform code of a code map)"));
        }
    }

    private static void refuseIf(List<FieldProblem> problems) {
        List<FieldProblem> all = TypeProblems.merge(problems);
        if (!all.isEmpty()) {
            throw new InvalidCodeMapException("the suggestion request is not valid: see errors", all, false);
        }
    }

    private long companyOf(String connectionId) {
        return store.companyOf(connectionId).orElseThrow(() -> new ConnectionNotFoundException(connectionId));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
