package io.passerelle.company;

import java.util.List;

/**
 * One finding about a company's data, in words that say what to do; {@code relations} are the ids of the relations
 * it is about (empty when it is about the company itself).
 */
public record CompanyCheck(String code, Severity severity, String message, List<Long> relations) {

    public CompanyCheck {
        relations = List.copyOf(relations);
    }

    /** ERROR: the data is wrong and must be put right; WARNING: worth a look. */
    public enum Severity {
        ERROR,
        WARNING
    }
}
