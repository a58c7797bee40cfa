package io.passerelle.canonical;

/** A remote record that cannot be mapped; the message names the field and the reason. */
public class MappingException extends RuntimeException {

    private final String code;

    public MappingException(String code, String message) {
        super(message);
        this.code = code;
    }

    public static MappingException missing(String field) {
        return new MappingException("MISSING_FIELD", "field '" + field + "' is missing or blank");
    }

    public static MappingException invalid(String field, String why) {
        return new MappingException("INVALID_FIELD", "field '" + field + "' " + why);
    }

    public String code() {
        return code;
    }
}
