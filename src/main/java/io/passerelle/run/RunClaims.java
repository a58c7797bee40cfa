package io.passerelle.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims of what only one run may do at a time, as rows of {@code run_claim}, so that they hold across every instance
 * on the database: the primary key refuses a second claim wherever it is made. Each claim is its own transaction,
 * committed at once (visible to the other instances before the run starts) and never part of the caller's, whose
 * transaction a refused insert would otherwise spoil on PostgreSQL. A claim is this instance's until it releases it,
 * or until the instance stops heart-beating and another frees it ({@link Instances}).
 */
@Component
public class RunClaims {

    /** What a claim stands for: a flow's run, an import of a company's records, the exports of a connection. */
    enum Kind { FLOW, EXPORT, IMPORT, EXPORTS }

    record Claim(String key, String connectionId, Kind kind) {
    }

    record Holder(String connectionId, String instanceId) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final SqlFiles sql;
    private final Instance instance;
    private final TransactionTemplate own;

    RunClaims(NamedParameterJdbcTemplate jdbc, SqlFiles sql, Instance instance, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.instance = instance;
        this.own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Takes the claim for this instance, or answers who holds it.
     *
     * @return empty when taken; the holder otherwise
     */
    Optional<Holder> take(Claim claim) {
        try {
            own.executeWithoutResult(status -> jdbc.update(sql.get("sql/instance/claim-insert.sql"),
                    new MapSqlParameterSource("key", claim.key())
                            .addValue("connectionId", claim.connectionId())
                            .addValue("kind", claim.kind().name())
                            .addValue("instanceId", instance.id())
                            .addValue("now", Timestamps.utc(Instant.now()))));
            return Optional.empty();
        } catch (DuplicateKeyException taken) {
            List<Holder> holders = own.execute(status -> jdbc.query(sql.get("sql/instance/claim-holder.sql"),
                    new MapSqlParameterSource("key", claim.key()),
                    (row, n) -> new Holder(row.getString("connection_id"), row.getString("instance_id"))));
            // released between the insert and the look-up: still refused, a retry would race again
            return Optional.of(holders == null || holders.isEmpty() ? new Holder(claim.connectionId(), instance.id())
                    : holders.get(0));
        }
    }

    /** Takes every claim or none: those taken before a refusal are released again. */
    Optional<Refusal> takeAll(List<Claim> claims, Reentrant reentrant) {
        List<Claim> taken = new ArrayList<>();
        for (Claim claim : claims) {
            Optional<Holder> holder = take(claim);
            if (holder.isPresent() && !reentrant.allows(claim, holder.get())) {
                taken.forEach(this::release);
                return Optional.of(new Refusal(claim, holder.get()));
            }
            if (holder.isEmpty()) {
                taken.add(claim);
            }
        }
        return Optional.empty();
    }

    record Refusal(Claim claim, Holder holder) {
    }

    /** Whether a claim already held may be shared (the same connection's run holding an import twice). */
    @FunctionalInterface
    interface Reentrant {
        boolean allows(Claim claim, Holder holder);

        Reentrant NEVER = (claim, holder) -> false;
    }

    void release(Claim claim) {
        own.executeWithoutResult(status -> jdbc.update(sql.get("sql/instance/claim-release.sql"),
                new MapSqlParameterSource("key", claim.key()).addValue("instanceId", instance.id())));
    }

    /** Releases the connection's exports claim once this instance runs none of its exports. */
    void releaseExports(Claim exports) {
        own.executeWithoutResult(status -> jdbc.update(sql.get("sql/instance/claim-release-exports.sql"),
                new MapSqlParameterSource("key", exports.key()).addValue("instanceId", instance.id())
                        .addValue("connectionId", exports.connectionId())));
    }

    boolean held(String key) {
        Integer count = jdbc.queryForObject(sql.get("sql/instance/claim-exists.sql"),
                new MapSqlParameterSource("key", key), Integer.class);
        return count != null && count > 0;
    }

    String instanceId() {
        return instance.id();
    }
}
