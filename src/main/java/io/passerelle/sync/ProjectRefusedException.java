package io.passerelle.sync;

/**
 * A run of one project's records that cannot be made: the flow cannot sync one project alone (the API answers 400),
 * or the project is not among the company's synced ones ({@code unknownProject}; 422).
 */
public class ProjectRefusedException extends RuntimeException {

    private final boolean unknownProject;

    public ProjectRefusedException(String message, boolean unknownProject) {
        super(message);
        this.unknownProject = unknownProject;
    }

    public boolean unknownProject() {
        return unknownProject;
    }
}
