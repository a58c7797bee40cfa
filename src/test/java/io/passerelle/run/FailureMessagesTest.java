package io.passerelle.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.UncategorizedSQLException;

/** A run keeps the connector's words, and a database failure in words of its own: never the SQL. */
class FailureMessagesTest {

    /** What H2 said when a connection was deleted under a running sync. */
    private static final String H2_SAYS = "PreparedStatementCallback; SQL [insert into remote_ref (connection_id, "
            + "entity, match_key, remote_key, local_id, content_hash, remote_modified_at, last_seen_at) values (?, ?, ?,"
            + " ?, ?, ?, ?, ?)]; Referential integrity constraint violation: \"CONSTRAINT_8B: PUBLIC.REMOTE_REF "
            + "FOREIGN KEY(CONNECTION_ID) REFERENCES PUBLIC.CONNECTION(ID) ('sandbox-acumatica')\"";

    @Test
    void aForeignKeyViolationIsSaidInWordsWithoutTheStatement() {
        String message = FailureMessages.describe(new CompletionException(new DataIntegrityViolationException(H2_SAYS,
                new SQLException("Referential integrity constraint violation: insert into remote_ref", "23506"))));
        assertThat(message).startsWith("database refused the write: it breaks an integrity rule")
                .doesNotContainIgnoringCase("insert").doesNotContainIgnoringCase("remote_ref")
                .doesNotContain("SQL").doesNotContain("CONSTRAINT");
    }

    @Test
    void otherDatabaseFailuresAreSaidInWordsToo() {
        assertThat(FailureMessages.describe(new DuplicateKeyException("SQL [insert into project ...]")))
                .isEqualTo("database refused the write: a record with the same key is stored already");
        assertThat(FailureMessages.describe(new CannotAcquireLockException("SQL [update sync_cursor ...]")))
                .startsWith("database busy:");
        assertThat(FailureMessages.describe(new UncategorizedSQLException("writing", "select * from x",
                new SQLException("boom")))).startsWith("database error:").doesNotContain("select");
        assertThat(FailureMessages.describe(new IllegalStateException("wrapped",
                new SQLException("Syntax error in SQL statement \"SELECT ...\"")))).startsWith("database error:");
    }

    @Test
    void theConnectorsOwnWordsAreKept() {
        assertThat(FailureMessages.describe(new CompletionException(new IllegalStateException("Avantage refused: DENIED"))))
                .isEqualTo("Avantage refused: DENIED");
        assertThat(FailureMessages.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
    }
}
