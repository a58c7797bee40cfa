package io.passerelle.timesheet;

/**
 * What a line's {@code activityCode} resolved to: an activity of the line's project, or, when the project has none
 * of that code, a service code of the company (company-wide codes that some ERPs book hours against).
 */
public enum ActivityKind {
    ACTIVITY,
    SERVICE_CODE
}
