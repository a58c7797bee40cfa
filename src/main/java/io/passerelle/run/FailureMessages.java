package io.passerelle.run;

import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;

/**
 * The words a run or an item keeps for a failure: the ERP's or the connector's message, never a stack trace,
 * and never the database's own message, which quotes the SQL statement and its values. Used by both engines.
 */
public final class FailureMessages {

    private static final Logger LOG = LoggerFactory.getLogger(FailureMessages.class);

    private FailureMessages() {
    }

    public static String describe(Throwable failure) {
        Throwable cause = Causes.unwrap(failure);
        if (fromTheDatabase(cause)) {
            // the statement and its values stay out of the run; whoever debugs the database may see them here
            LOG.debug("database failure behind a run's message", cause);
            return database(cause);
        }
        String text = cause.getMessage();
        return text == null || text.isBlank() ? cause.getClass().getSimpleName() : text;
    }

    private static boolean fromTheDatabase(Throwable failure) {
        for (Throwable t : Causes.chain(failure)) {
            if (t instanceof DataAccessException || t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    private static String database(Throwable failure) {
        if (failure instanceof DuplicateKeyException) {
            return "database refused the write: a record with the same key is stored already";
        }
        if (failure instanceof DataIntegrityViolationException) {
            return "database refused the write: it breaks an integrity rule (a record it refers to is missing, "
                    + "for instance its connection, or a key it writes is taken)";
        }
        if (failure instanceof TransientDataAccessException) {
            return "database busy: the write waited too long for a lock or timed out; the next run tries again";
        }
        if (failure instanceof DataAccessResourceFailureException) {
            return "database unreachable: no database connection could be had";
        }
        return "database error: a statement failed (its details are in the server log at DEBUG)";
    }
}
