package io.passerelle.sandbox.kit;

/** The ERP's answer to a query parameter it cannot use, e.g. a negative {@code $top} or a page size above the limit. */
@FunctionalInterface
public interface BadParameter {

    /**
     * @param name  the parameter as the client named it
     * @param value its value as sent
     * @param rule  what it must be, to finish a sentence: "must be a non-negative integer"
     */
    ErrorAnswer answer(String name, String value, String rule);
}
