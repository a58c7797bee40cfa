package io.passerelle.routes;

/** A route file that cannot be used, named with its path and, when the parser knows it, the line. */
public class RouteFileException extends RuntimeException {

    private final String file;
    private final Integer line;

    public RouteFileException(String file, Integer line, String reason) {
        super(file + (line == null ? "" : ", line " + line) + ": " + reason);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    /** 1-based, or null when the problem is not on one line (a missing file, a missing template). */
    public Integer line() {
        return line;
    }
}
