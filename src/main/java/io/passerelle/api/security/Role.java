package io.passerelle.api.security;

/** What a token may do; see API.md, Access. */
public enum Role {
    /** everything */
    ADMIN,
    /** connections, mappings, runs; no approvals */
    ENGINEER,
    /** approvals, for the kinds named in the token's capabilities */
    APPROVER,
    /** read only */
    VIEWER;

    public String authority() {
        return "ROLE_" + name();
    }
}
