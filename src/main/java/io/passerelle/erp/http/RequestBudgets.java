package io.passerelle.erp.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ErpOption;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The {@link RequestBudget} of each connection, kept across the transports it has over time (a changed connection
 * gets a new route, but the ERP still remembers its last minute) and shared by its probes: they call as the same
 * user. The limit is the connection's option {@value #OPTION}, else the ERP's default
 * ({@code passerelle.<erp>.requests-per-minute}); 0 is no limit. The time calls waited on it is the timer
 * {@value #WAIT_METRIC}, tagged by erp and connection.
 */
@Component
public class RequestBudgets {

    public static final String OPTION = "requestsPerMinute";
    public static final String WAIT_METRIC = "passerelle.erp.request.budget.wait";

    private final MeterRegistry registry;
    private final Duration window;
    private final InstantSource clock;
    private final RetryPolicy.Waiter waiter;
    private final Map<String, RequestBudget> budgets = new ConcurrentHashMap<>();

    @Autowired
    public RequestBudgets(MeterRegistry registry, RequestBudgetProperties properties) {
        this(registry, properties.window(), InstantSource.system(), RetryPolicy.DELAYED);
    }

    RequestBudgets(MeterRegistry registry, Duration window, InstantSource clock, RetryPolicy.Waiter waiter) {
        this.registry = registry;
        this.window = window;
        this.clock = clock;
        this.waiter = waiter;
    }

    /** How a module declares the option, with its default in words. */
    public static ErpOption option(String erp, int erpDefault) {
        return ErpOption.optional(OPTION, "calls per minute this connection makes at most, shared by all its flows and "
                + "exports (the ERP answers 429 above its limit); 0 for no limit; default passerelle." + erp
                + ".requests-per-minute", Integer.toString(erpDefault), "[0-9]{1,6}", "a whole number, e.g. 400, 0 for no limit");
    }

    /** The connection's option when it gives one, else {@code erpDefault}. */
    public static int limit(Connection connection, int erpDefault) {
        Object value = connection.options() == null ? null : connection.options().get(OPTION);
        if (value == null || value.toString().isBlank()) {
            return Math.max(0, erpDefault);
        }
        try {
            return Math.max(0, Integer.parseInt(value.toString().strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + OPTION + " must be a whole number, was " + value);
        }
    }

    /** The connection's budget at its limit; the same one while the limit stays. */
    public RequestBudget of(String erp, Connection connection, int erpDefault) {
        int limit = limit(connection, erpDefault);
        return budgets.compute(erp + "/" + connection.id(), (key, held) -> held != null && held.limit() == limit ? held
                : new RequestBudget(limit, window, clock, waiter, waitTimer(erp, connection.id())::record));
    }

    private Timer waitTimer(String erp, String connection) {
        return Timer.builder(WAIT_METRIC)
                .description("time ERP calls waited for the connection's request budget before they were sent")
                .tag("erp", erp).tag("connection", connection)
                .register(registry);
    }
}
