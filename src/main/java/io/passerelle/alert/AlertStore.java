package io.passerelle.alert;

import io.passerelle.connection.CredentialCipher;
import io.passerelle.run.RunCompany;
import io.passerelle.run.SqlFiles;
import io.passerelle.run.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The alert tables (V19__alerts.sql): subscriptions, each flow's alert state, and the outbox of deliveries. */
@Component
class AlertStore {

    /** Bound into the secret's encryption: a secret copied to another connection's row does not decrypt there. */
    private static final String SECRET_SCOPE = "alert:";

    private final NamedParameterJdbcTemplate jdbc;
    private final SqlFiles sql;
    private final CredentialCipher cipher;

    AlertStore(NamedParameterJdbcTemplate jdbc, SqlFiles sql, CredentialCipher cipher) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.cipher = cipher;
    }

    Optional<AlertSubscription> subscription(String connectionId) {
        return jdbc.query(sql.get("sql/alert/subscription-select.sql"), new MapSqlParameterSource("connectionId",
                connectionId), (rs, n) -> new AlertSubscription(rs.getString("url"),
                        cipher.decrypt(rs.getString("secret"), SECRET_SCOPE + connectionId), events(rs.getString("events")),
                        rs.getInt("partial_after"), instant(rs.getTimestamp("updated_at")))).stream().findFirst();
    }

    void saveSubscription(String connectionId, AlertSubscription subscription) {
        MapSqlParameterSource params = new MapSqlParameterSource("connectionId", connectionId)
                .addValue("url", subscription.url())
                .addValue("secret", cipher.encrypt(subscription.secret(), SECRET_SCOPE + connectionId))
                .addValue("events", subscription.events().stream().map(Enum::name).collect(Collectors.joining(",")))
                .addValue("partialAfter", subscription.partialAfter())
                .addValue("updatedAt", Timestamps.utc(subscription.updatedAt()));
        if (jdbc.update(sql.get("sql/alert/subscription-update.sql"), params) == 0) {
            jdbc.update(sql.get("sql/alert/subscription-insert.sql"), params);
        }
    }

    /** The connections whose webhook wants STALE alerts: the only ones the periodic check reads. */
    List<String> subscribedToStale() {
        return jdbc.queryForList(sql.get("sql/alert/subscription-select-stale.sql"), new MapSqlParameterSource(),
                String.class);
    }

    boolean deleteSubscription(String connectionId) {
        return jdbc.update(sql.get("sql/alert/subscription-delete.sql"),
                new MapSqlParameterSource("connectionId", connectionId)) > 0;
    }

    /** One flow's state, locked until the transaction ends; empty before its first run. */
    Optional<StoredState> lockState(FlowKey key) {
        return jdbc.query(sql.get("sql/alert/state-select.sql"), key.params(), AlertStore::state).stream().findFirst();
    }

    List<StoredState> states(String connectionId) {
        return jdbc.query(sql.get("sql/alert/state-select-by-connection.sql"),
                new MapSqlParameterSource("connectionId", connectionId), AlertStore::state);
    }

    /** Connection, flow and last success of every flow that has succeeded. */
    List<StoredState> lastSuccesses() {
        return jdbc.query(sql.get("sql/alert/state-select-all.sql"), new MapSqlParameterSource(), (rs, n) ->
                new StoredState(new FlowKey(rs.getString("connection_id"), rs.getString("company_key"),
                        rs.getString("flow")), null, null, new FlowAlertState(null, null, 0,
                                instant(rs.getTimestamp("last_success_at")), null)));
    }

    void saveState(FlowKey key, boolean exists, RunCompany company, Long lastRunId, String lastStatus,
            FlowAlertState state) {
        MapSqlParameterSource params = key.params()
                .addValue("companyId", company == null ? null : company.id(), Types.BIGINT)
                .addValue("erpCompanyId", company == null ? null : company.erpCompanyId(), Types.VARCHAR)
                .addValue("companyName", company == null ? null : company.name(), Types.VARCHAR)
                .addValue("alerted", state.alerted() == null ? null : state.alerted().name(), Types.VARCHAR)
                .addValue("alertedSince", utc(state.alertedSince()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("partialStreak", state.partialStreak())
                .addValue("lastRunId", lastRunId, Types.BIGINT)
                .addValue("lastStatus", lastStatus, Types.VARCHAR)
                .addValue("lastSuccessAt", utc(state.lastSuccessAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("firstSeenAt", utc(state.firstSeenAt()), Types.TIMESTAMP_WITH_TIMEZONE);
        jdbc.update(sql.get(exists ? "sql/alert/state-update.sql" : "sql/alert/state-insert.sql"), params);
    }

    void enqueue(String deliveryId, String connectionId, AlertEvent event, String body, Instant now) {
        jdbc.update(sql.get("sql/alert/delivery-insert.sql"), new MapSqlParameterSource("deliveryId", deliveryId)
                .addValue("connectionId", connectionId)
                .addValue("event", event.name())
                .addValue("body", body)
                .addValue("nextAttemptAt", utc(now))
                .addValue("createdAt", utc(now)));
    }

    List<Due> due(Instant now, int limit) {
        return jdbc.query(sql.get("sql/alert/delivery-due.sql"), new MapSqlParameterSource("now", utc(now))
                .addValue("limit", limit), (rs, n) -> new Due(rs.getLong("id"), rs.getString("delivery_id"),
                        rs.getString("connection_id"), AlertEvent.valueOf(rs.getString("event")), rs.getString("body"),
                        rs.getInt("attempts"), rs.getObject("next_attempt_at", java.time.OffsetDateTime.class)));
    }

    /** Takes a due delivery for this instance until {@code leaseUntil}; false when another took it first. */
    boolean claim(Due due, Instant leaseUntil) {
        return jdbc.update(sql.get("sql/alert/delivery-claim.sql"), new MapSqlParameterSource("id", due.id())
                .addValue("seen", due.nextAttemptAt())
                .addValue("leaseUntil", utc(leaseUntil))) == 1;
    }

    void delivered(long id, int attempts, int status, Instant at) {
        jdbc.update(sql.get("sql/alert/delivery-delivered.sql"), new MapSqlParameterSource("id", id)
                .addValue("attempts", attempts).addValue("lastStatus", status).addValue("deliveredAt", utc(at)));
    }

    void failed(long id, int attempts, Integer status, String error, Instant nextAttemptAt, boolean gaveUp) {
        jdbc.update(sql.get("sql/alert/delivery-failed.sql"), new MapSqlParameterSource("id", id)
                .addValue("status", gaveUp ? "GAVE_UP" : "PENDING")
                .addValue("attempts", attempts)
                .addValue("nextAttemptAt", utc(nextAttemptAt))
                .addValue("lastStatus", status, Types.INTEGER)
                .addValue("lastError", error == null ? null : truncate(error, 1000), Types.VARCHAR));
    }

    List<AlertDeliveryView> deliveries(String connectionId, int limit) {
        return jdbc.query(sql.get("sql/alert/delivery-select-by-connection.sql"),
                new MapSqlParameterSource("connectionId", connectionId).addValue("limit", limit), (rs, n) ->
                        new AlertDeliveryView(rs.getString("delivery_id"), rs.getString("event"), rs.getString("status"),
                                rs.getInt("attempts"), (Integer) rs.getObject("last_status"), rs.getString("last_error"),
                                instant(rs.getTimestamp("created_at")),
                                // once delivered or given up, next_attempt_at is only the last claim: not shown
                                "PENDING".equals(rs.getString("status")) ? instant(rs.getTimestamp("next_attempt_at"))
                                        : null,
                                instant(rs.getTimestamp("delivered_at"))));
    }

    private static StoredState state(ResultSet rs, int n) throws SQLException {
        String alerted = rs.getString("alerted");
        long runId = rs.getLong("last_run_id");
        Long lastRunId = rs.wasNull() ? null : runId;
        long companyId = rs.getLong("company_id");
        RunCompany company = rs.wasNull() ? null
                : new RunCompany(companyId, rs.getString("erp_company_id"), rs.getString("company_name"));
        return new StoredState(new FlowKey(rs.getString("connection_id"), rs.getString("company_key"),
                rs.getString("flow")), company, lastRunId, new FlowAlertState(
                        alerted == null ? null : AlertEvent.valueOf(alerted), instant(rs.getTimestamp("alerted_since")),
                        rs.getInt("partial_streak"), instant(rs.getTimestamp("last_success_at")),
                        instant(rs.getTimestamp("first_seen_at"))));
    }

    private static List<AlertEvent> events(String stored) {
        return Arrays.stream(stored.split(",")).filter(s -> !s.isBlank()).map(AlertEvent::valueOf).toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Microseconds: what both databases keep, so that a value read back compares equal to the one written. */
    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant == null ? null : Timestamps.utc(instant.truncatedTo(ChronoUnit.MICROS));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** A connection × company × flow; {@code companyKey} is the platform company's id, "" for the connection's own. */
    record FlowKey(String connectionId, String companyKey, String flow) {

        static FlowKey of(String connectionId, RunCompany company, String flow) {
            return new FlowKey(connectionId, company == null || company.id() == null ? "" : company.id().toString(),
                    flow);
        }

        MapSqlParameterSource params() {
            return new MapSqlParameterSource("connectionId", connectionId).addValue("companyKey", companyKey)
                    .addValue("flow", flow);
        }
    }

    record StoredState(FlowKey key, RunCompany company, Long lastRunId, FlowAlertState state) {
    }

    record Due(long id, String deliveryId, String connectionId, AlertEvent event, String body, int attempts,
            java.time.OffsetDateTime nextAttemptAt) {
    }

}
