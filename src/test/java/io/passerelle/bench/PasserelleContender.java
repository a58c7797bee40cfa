package io.passerelle.bench;

import io.passerelle.run.RunView;
import io.passerelle.run.SyncMode;
import io.passerelle.run.Trigger;
import io.passerelle.sync.SyncLauncher;
import org.springframework.jdbc.core.JdbcTemplate;

/** The real thing: the employees flow through the sync route, the Avantage connector and the engine. */
final class PasserelleContender implements Contender {

    private final SyncLauncher launcher;
    private final JdbcTemplate jdbc;
    private final String connectionId;

    PasserelleContender(SyncLauncher launcher, JdbcTemplate jdbc, String connectionId) {
        this.launcher = launcher;
        this.jdbc = jdbc;
        this.connectionId = connectionId;
    }

    @Override
    public String name() {
        return "passerelle";
    }

    @Override
    public void prepare() {
        for (String statement : BenchSql.get("passerelle-reset.sql").split(";")) {
            String sql = statement.lines().filter(line -> !line.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
            if (!sql.isBlank()) {
                jdbc.update(sql);
            }
        }
    }

    @Override
    public long full() {
        return run(SyncMode.FULL);
    }

    @Override
    public long incremental() {
        return run(SyncMode.INCREMENTAL);
    }

    private long run(SyncMode mode) {
        RunView run = launcher.runAndWait(connectionId, "employees", Trigger.API, mode).get(0);
        if (!"SUCCEEDED".equals(run.status())) {
            throw new IllegalStateException("passerelle " + mode + " run " + run.status() + ": " + run.message());
        }
        return run.counts().get("read");
    }
}
