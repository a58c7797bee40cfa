package io.passerelle.erp.http;

import io.passerelle.run.ErrorHandlingRoutes;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * One HTTP route per REST connection (and per probe), from this template. Every call arrives with its method,
 * path and query in Passerelle headers; whatever CamelHttp* headers an exchange carried are removed first, so
 * that nothing of one call (a path, a response code) leaks into the next. Redirects are not followed: a
 * credential must not travel to a host the connection does not name. The client is {@link RestHttpClient}.
 */
@Component
public class RestHttpRoutes extends RouteBuilder {

    public static final String TEMPLATE = "rest-http";
    public static final String METHOD = "PasserelleHttpMethod";
    public static final String PATH = "PasserelleHttpPath";
    public static final String QUERY = "PasserelleHttpQuery";

    @Override
    public void configure() {
        getCamelContext().getRegistry().bind(RestHttpClient.BEAN, new RestHttpClient());
        routeTemplate(TEMPLATE)
                .templateParameter("requestEndpoint")
                .templateParameter("baseUrl")
                .templateParameter("connectTimeoutMillis")
                .templateParameter("responseTimeoutMillis")
                .from("direct:{{requestEndpoint}}")
                .routeConfigurationId(ErrorHandlingRoutes.FAIL_TO_CALLER)
                .removeHeaders("CamelHttp*").id("forget-previous-http-headers")
                .setHeader(Exchange.HTTP_METHOD, header(METHOD))
                .setHeader(Exchange.HTTP_PATH, header(PATH))
                .setHeader(Exchange.HTTP_QUERY, header(QUERY))
                .removeHeaders("Passerelle*")
                .to("{{baseUrl}}?throwExceptionOnFailure=false&followRedirects=false"
                        + "&httpClientConfigurer=#" + RestHttpClient.BEAN
                        + "&connectTimeout={{connectTimeoutMillis}}&responseTimeout={{responseTimeoutMillis}}")
                .id("rest-http-call");
    }
}
