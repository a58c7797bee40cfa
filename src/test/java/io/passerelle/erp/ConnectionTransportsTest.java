package io.passerelle.erp;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.connection.Company;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionChanged;
import io.passerelle.connection.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One transport per connection, opened on first use, closed and opened again after the connection changed. */
class ConnectionTransportsTest {

    static final class Route implements AutoCloseable {
        final String id;
        final String url;
        boolean closed;

        Route(String id, String url) {
            this.id = id;
            this.url = url;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final List<Route> opened = new ArrayList<>();
    private final ConnectionTransports<Route> transports = new ConnectionTransports<>("erp-http", "erp-probe") {
        @Override
        protected Route open(String routeId, Connection connection, Endpoint endpoint) {
            Route route = new Route(routeId, endpoint.url());
            opened.add(route);
            return route;
        }
    };

    private static Connection connection(String id, String url) {
        return new Connection(id, new Company("ACME", "Acme"), "erp", List.of(new Endpoint("main", url, true),
                new Endpoint("backup", "https://backup.example", false)), Map.of(), Map.of(), Map.of(), "owner", false, null, null);
    }

    @Test
    void aConnectionsTransportIsOpenedOnceOnFirstUse() {
        Route first = transports.forConnection(connection("c1", "https://erp.example"));
        Route again = transports.forConnection(connection("c1", "https://erp.example"));

        assertThat(again).isSameAs(first);
        assertThat(first.id).isEqualTo("erp-http-c1");
        assertThat(opened).hasSize(1);
    }

    @Test
    void aChangedConnectionClosesItsTransportAndTheNextUseOpensTheNewAddress() {
        Route old = transports.forConnection(connection("c1", "https://erp.example"));
        Route other = transports.forConnection(connection("c2", "https://erp.example"));

        transports.onConnectionChanged(new ConnectionChanged("c1", connection("c1", "https://moved.example")));
        transports.onConnectionChanged(new ConnectionChanged("c9", null));
        Route renewed = transports.forConnection(connection("c1", "https://moved.example"));

        assertThat(old.closed).isTrue();
        assertThat(other.closed).isFalse();
        assertThat(renewed.url).isEqualTo("https://moved.example");
        assertThat(renewed.id).isEqualTo("erp-http-c1");
    }

    @Test
    void probesAreTheirOwnForAnyEndpoint() {
        Connection connection = connection("c1", "https://erp.example");
        Route probe = transports.probe(connection, connection.endpoint("backup").orElseThrow());
        Route another = transports.probe(connection, connection.defaultEndpoint());

        assertThat(probe.id).isEqualTo("erp-probe-c1-1");
        assertThat(another.id).isEqualTo("erp-probe-c1-2");
        assertThat(probe.url).isEqualTo("https://backup.example");
        assertThat(transports.forConnection(connection)).isNotSameAs(another);
    }
}
