package io.passerelle.erp.avantage;

import io.passerelle.run.ErrorHandlingRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * One MainTCP transport route per connection endpoint, from this template. The codec and the
 * correlation manager are the route's own beans (they carry the connection's key and its requests in
 * flight); a single shared channel carries pipelined requests whose answers may come in any order.
 */
@Component
public class AvantageTransportRoutes extends RouteBuilder {

    public static final String TEMPLATE = "avantage-transport";

    @Override
    public void configure() {
        routeTemplate(TEMPLATE)
                .templateParameter("requestEndpoint")
                .templateParameter("host")
                .templateParameter("port")
                .templateParameter("connectTimeoutMillis")
                .from("direct:{{requestEndpoint}}")
                .routeConfigurationId(ErrorHandlingRoutes.FAIL_TO_CALLER)
                .to("netty:tcp://{{host}}:{{port}}"
                        + "?sync=true&producerPoolEnabled=false&textline=false&keepAlive=true"
                        + "&encoders=#{{encoder}},#{{greetingGate}}&decoders=#{{decoder}}"
                        + "&correlationManager=#{{correlationManager}}"
                        + "&connectTimeout={{connectTimeoutMillis}}&workerGroup=#avantageWorkerGroup")
                .id("avantage-netty-request");
    }
}
