package io.passerelle.sandbox.kit;

import com.sun.net.httpserver.HttpExchange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes requests by method and path pattern to handlers, counts every request (rejected ones too) under
 * {@code METHOD kind}, applies the faults that hit a request before it is handled (a cut, an injected 5xx),
 * and answers what no route takes in the ERP's own error shape.
 *
 * <p>Patterns: a pattern without parameters matches the path exactly ({@code /entity/auth/login}, not
 * {@code /entity/auth/login/}). A pattern with parameters is compared segment by segment, the path split as
 * {@link String#split} splits it on {@code /} (so a trailing slash is ignored): {@code {name}} matches one
 * segment, a last {@code {name...}} matches every remaining segment, none included. The first route whose
 * pattern and method match wins; a path that some route has but not with this method is answered 405.
 */
public final class Router {

    /** A route for every method: the handler answers the methods it does not serve. */
    public static final String ANY_METHOD = "*";

    private static final Logger log = LoggerFactory.getLogger(Router.class);

    private record Route(String method, PathPattern pattern, Function<Request, String> kind, Handler handler) {
    }

    private final String name;
    private final ErrorWriter errors;
    private final RequestCounters counters;
    private final Faults faults;
    private final List<Route> routes = new ArrayList<>();

    /** {@code name} names the simulator in logs, e.g. "Acumatica". */
    public Router(String name, ErrorWriter errors, RequestCounters counters, Faults faults) {
        this.name = Objects.requireNonNull(name, "name");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.faults = Objects.requireNonNull(faults, "faults");
    }

    /** Requests of this route count as {@code METHOD pattern}. */
    public Router route(String method, String pattern, Handler handler) {
        return route(method, pattern, pattern, handler);
    }

    /** Requests of this route count as {@code METHOD kind}. */
    public Router route(String method, String pattern, String kind, Handler handler) {
        Objects.requireNonNull(kind, "kind");
        return route(method, pattern, request -> kind, handler);
    }

    /** Requests of this route count under the kind the function gives, e.g. the entity named in the path. */
    public Router route(String method, String pattern, Function<Request, String> kind, Handler handler) {
        routes.add(new Route(method, new PathPattern(pattern), Objects.requireNonNull(kind, "kind"),
                Objects.requireNonNull(handler, "handler")));
        return this;
    }

    String name() {
        return name;
    }

    Faults faults() {
        return faults;
    }

    Answer dispatch(HttpExchange exchange) {
        Request request = new Request(exchange, errors);
        try {
            return answer(request);
        } catch (ErrorAnswer e) {
            return e.toAnswer();
        } catch (RuntimeException e) {
            log.warn("{} simulator: unexpected failure on {} {}: {}", name, request.method(),
                    exchange.getRequestURI().getRawPath(), e.toString());
            return errors.internalError(request, e).toAnswer();
        }
    }

    private Answer answer(Request request) {
        String path = request.path();
        Route matched = null;
        Route samePath = null;
        PathPattern.Match match = null;
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            PathPattern.Match m = route.pattern().match(path);
            if (m == null) {
                continue;
            }
            allowed.add(route.method());
            if (samePath == null) {
                samePath = route;
                match = m;
            }
            if (route.method().equals(ANY_METHOD) || route.method().equals(request.method())) {
                matched = route;
                match = m;
                break;
            }
        }
        if (samePath == null) {
            counters.request(request.method(), path);
            throw errors.notFound(request);
        }
        request.bind(match.params(), match.rest());
        counters.request(request.method(), (matched == null ? samePath : matched).kind().apply(request));
        if (matched == null) {
            throw errors.methodNotAllowed(request, allowed);
        }
        Answer fault = faults.takeBeforeHandling(request, errors);
        return fault != null ? fault : matched.handler().handle(request);
    }

    /** A compiled path pattern. */
    static final class PathPattern {

        record Match(Map<String, String> params, List<String> rest) {
        }

        private final String literal;
        private final String[] segments;
        private final String restName;

        PathPattern(String pattern) {
            if (!pattern.startsWith("/")) {
                throw new IllegalArgumentException("a path pattern starts with /: " + pattern);
            }
            String[] parts = pattern.split("/");
            String last = parts.length == 0 ? "" : parts[parts.length - 1];
            boolean hasRest = last.startsWith("{") && last.endsWith("...}");
            this.restName = hasRest ? last.substring(1, last.length() - 4) : null;
            this.segments = hasRest ? Arrays.copyOf(parts, parts.length - 1) : parts;
            this.literal = pattern.contains("{") ? null : pattern;
        }

        Match match(String path) {
            if (literal != null) {
                return literal.equals(path) ? new Match(Map.of(), List.of()) : null;
            }
            String[] parts = path.split("/");
            if (parts.length < segments.length || (restName == null && parts.length != segments.length)) {
                return null;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < segments.length; i++) {
                String s = segments[i];
                if (s.startsWith("{") && s.endsWith("}")) {
                    params.put(s.substring(1, s.length() - 1), parts[i]);
                } else if (!s.equals(parts[i])) {
                    return null;
                }
            }
            return new Match(params, List.of(Arrays.copyOfRange(parts, segments.length, parts.length)));
        }
    }
}
