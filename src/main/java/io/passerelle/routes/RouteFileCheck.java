package io.passerelle.routes;

/** Whether a route file can be used, for those that only check a name someone gave (a connection's options). */
@FunctionalInterface
public interface RouteFileCheck {

    /** @throws RouteFileException when the file does not exist or does not parse */
    void check(String file);
}
