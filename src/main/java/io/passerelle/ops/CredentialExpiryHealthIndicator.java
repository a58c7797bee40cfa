package io.passerelle.ops;

import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionDirectory;
import io.passerelle.connection.ErpConnectors;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Credentials that stop working on a known date (an AdminPulse API token's expiry), under {@code /actuator/health} as
 * {@code credentials}: {@link ConnectionRunsHealthIndicator#DEGRADED} from {@code passerelle.health.credential-expiry-warning}
 * (14 days) before that date, so that someone makes a new token before the runs start failing. Still a 200.
 */
@Component("credentials")
public class CredentialExpiryHealthIndicator extends AbstractHealthIndicator {

    private final ConnectionDirectory connections;
    private final ErpConnectors connectors;
    private final Duration warning;
    private final Clock clock;

    @Autowired
    public CredentialExpiryHealthIndicator(ConnectionDirectory connections, ErpConnectors connectors,
            @Value("${passerelle.health.credential-expiry-warning:14d}") Duration warning) {
        this(connections, connectors, warning, Clock.systemUTC());
    }

    CredentialExpiryHealthIndicator(ConnectionDirectory connections, ErpConnectors connectors, Duration warning, Clock clock) {
        super("connection credentials could not be read");
        this.connections = connections;
        this.connectors = connectors;
        this.warning = warning;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> expiring = new LinkedHashMap<>();
        for (Connection connection : connections.all()) {
            connectors.find(connection.erp()).flatMap(connector -> connector.credentialsExpireOn(connection)).ifPresent(date -> {
                long days = ChronoUnit.DAYS.between(today, date);
                if (days <= warning.toDays()) {
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("expiresOn", date.toString());
                    details.put("daysLeft", days);
                    details.put("message", days < 0 ? "the credentials expired on " + date + ": make new ones and PUT them"
                            : "the credentials expire on " + date + (days == 0 ? ", today" : ", in " + days + " day"
                                    + (days == 1 ? "" : "s")) + ": make new ones before then and PUT them");
                    expiring.put(connection.id(), details);
                }
            });
        }
        builder.status(expiring.isEmpty() ? Status.UP : ConnectionRunsHealthIndicator.DEGRADED)
                .withDetail("expiring", expiring);
    }
}
