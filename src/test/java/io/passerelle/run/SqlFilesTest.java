package io.passerelle.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.passerelle.TestDatabases;
import io.passerelle.timesheet.PostgresSchema;
import org.junit.jupiter.api.Test;

/** A statement with a PostgreSQL file of its own is read from it on PostgreSQL only; every other from the shared file. */
class SqlFilesTest {

    private static final String LOOKUP = "sql/sync/remote-ref-select.sql";

    @Test
    void h2ReadsTheSharedFile() {
        try (HikariDataSource h2 = TestDatabases.h2()) {
            SqlFiles files = new SqlFiles(h2);
            assertThat(files.get(LOOKUP)).contains("join remote_ref r on").doesNotContain("lateral");
            assertThat(files.get(LOOKUP)).isEqualTo(new SqlFiles().get(LOOKUP));
        }
    }

    @Test
    void postgresqlReadsItsOwnFileWhereThereIsOneAndTheSharedOneElsewhere() {
        assumeTrue(System.getenv(PostgresSchema.ENV) != null, "skipped: PASSERELLE_TEST_DB_URL names no PostgreSQL");
        try (HikariDataSource postgres = TestDatabases.postgres("public")) {
            SqlFiles files = new SqlFiles(postgres);
            assertThat(files.get(LOOKUP)).contains("cross join lateral");
            assertThat(files.get("sql/sync/cursor-update.sql")).isEqualTo(new SqlFiles().get("sql/sync/cursor-update.sql"));
        }
    }
}
