package io.passerelle.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * Routes made from templates on several threads at once, as the start-up sync opens one transport per
 * connection: each is made, none fails (Camel's addRouteFromTemplate alone threw ConcurrentModificationException).
 */
class RouteTemplatesTest {

    private static final int THREADS = 8;
    private static final int ROUTES_EACH = 40;

    @Test
    void routesMadeFromTemplatesOnManyThreadsAtOnceAreAllMade() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteConfigurationBuilder() {
                @Override
                public void configuration() {
                    routeConfiguration("test-configuration").errorHandler(noErrorHandler());
                }
            });
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    routeTemplate("test-transport").templateParameter("name")
                            .from("direct:{{name}}").routeConfigurationId("test-configuration").log("{{name}}");
                }
            });
            camel.start();
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> made = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    made.add(threads.submit((Callable<Void>) () -> {
                        start.await();
                        for (int i = 0; i < ROUTES_EACH; i++) {
                            String name = "t" + thread + "-" + i;
                            RouteTemplates.add(camel, TemplatedRouteBuilder.builder(camel, "test-transport")
                                    .routeId(name).parameter("name", name));
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> each : made) {
                    each.get(60, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(camel.getRoutes()).hasSize(THREADS * ROUTES_EACH);
        }
    }
}
