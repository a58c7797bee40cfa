package io.passerelle.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.erp.avantage.AvantageSession;
import io.passerelle.run.Futures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;

/**
 * The floor: the same frames decoded by the same client, the next page asked for while one is written,
 * and raw JDBC batches into a plain table, one commit per page. No mapping beyond reading the fields,
 * no bookkeeping, no framework.
 */
final class LimitContender implements Contender {

    static final String TABLE = "bench_limit_employee";

    private final BenchPages pages;
    private final DataSource dataSource;
    private Instant watermark;

    LimitContender(BenchPages pages, DataSource dataSource) {
        this.pages = pages;
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return "limit";
    }

    @Override
    public void prepare() {
        BenchSql.createTable(dataSource, TABLE);
    }

    @Override
    public long full() {
        long read = load(BenchSql.get("limit-insert.sql"), null);
        watermark = pages.watermark();
        return read;
    }

    @Override
    public long incremental() {
        return load(BenchSql.get("limit-merge.sql"), watermark);
    }

    private long load(String sql, Instant since) {
        long read = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement write = connection.prepareStatement(sql)) {
                CompletableFuture<BenchPages.Page> next = pages.fetch(null, since);
                while (next != null) {
                    BenchPages.Page page = Futures.join(next);
                    next = page.next() == null ? null : pages.fetch(page.next(), since);
                    for (JsonNode item : page.items()) {
                        EmployeeRow.bind(write, item);
                        write.addBatch();
                    }
                    write.executeBatch();
                    connection.commit();
                    read += page.items().size();
                }
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return read;
    }
}
