package io.passerelle.codemap;

import io.passerelle.request.MergesTypeProblems;
import java.util.List;

/** The body of {@code POST /api/connections/{id}/maps/projects/suggestions}: the platform's projects, with names. */
@MergesTypeProblems
public record ProjectSuggestionRequest(List<Project> projects) {

    /** A platform project: its code (required) and its name (optional: without it, only numbers are compared). */
    public record Project(String code, String name) {
    }
}
