package io.passerelle.run;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.model.Model;

/**
 * Makes a route from a template while holding the Camel model's own lock. Camel's {@code addRouteFromTemplate}
 * reads the model's route and template lists without it, while {@code addRouteDefinitions} and
 * {@code removeRouteDefinition} change them under it: two transports opened at once (the start-up sync opens
 * Avantage and Acumatica sessions on two threads) or a schedule remade meanwhile failed a run with a bare
 * {@link java.util.ConcurrentModificationException}. Every route Passerelle makes from a template goes through here.
 */
public final class RouteTemplates {

    private RouteTemplates() {
    }

    /** Adds the route {@code builder} describes and answers its id. */
    public static String add(CamelContext camel, TemplatedRouteBuilder builder) {
        synchronized (model(camel)) {
            return builder.add();
        }
    }

    /** Stops and removes a route made by {@link #add}, if it is there: a transport's, a flow's, a schedule's. */
    public static void remove(CamelContext camel, String routeId) {
        if (camel.getRoute(routeId) == null) {
            return;
        }
        try {
            camel.getRouteController().stopRoute(routeId);
            camel.removeRoute(routeId);
        } catch (Exception e) {
            throw new IllegalStateException("could not remove route " + routeId, e);
        }
    }

    private static Model model(CamelContext camel) {
        return camel.getCamelContextExtension().getContextPlugin(Model.class);
    }
}
