package io.passerelle.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/**
 * Quartz's JDBC JobStore on the application's own pool: no second pool and no second set of database settings.
 * The pool is the application's to close, not Quartz's.
 */
final class DataSourceConnectionProvider implements ConnectionProvider {

    private final DataSource dataSource;

    DataSourceConnectionProvider(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void shutdown() {
        // the application closes its pool itself, after Quartz
    }

    @Override
    public void initialize() {
        // nothing to make: the pool exists
    }
}
