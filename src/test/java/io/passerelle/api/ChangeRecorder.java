package io.passerelle.api;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.passerelle.connection.ConnectionChanged;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

/** Records each ConnectionChanged, and whether another database connection could see the row at that moment. */
@TestConfiguration(proxyBeanMethods = false)
public class ChangeRecorder {

    final List<String> seen = new CopyOnWriteArrayList<>();
    private final JdbcTemplate jdbc;

    public ChangeRecorder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    public void on(ConnectionChanged change) {
        // another thread takes another connection from the pool: it sees committed rows only
        Integer rows = CompletableFuture.supplyAsync(() -> jdbc.queryForObject(
                "select count(*) from connection where id = ?", Integer.class, change.connectionId())).join();
        seen.add(change.connectionId() + (change.deleted() ? " deleted" : " changed") + " committed-rows=" + rows);
    }
}
