package io.passerelle.erp.http;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code passerelle.rest.request-budget.*}; each ERP's limit is its own ({@code passerelle.<erp>.requests-per-minute}).
 *
 * @param window the span a connection's limit holds for: the ERP's minute and a margin (61 s), since a call reaches
 *               the ERP a little after it leaves and one delayed on its way must not let the ERP count
 *               {@code limit + 1} in its own minute; tests shorten it along with their simulator's minute
 */
@ConfigurationProperties("passerelle.rest.request-budget")
public record RequestBudgetProperties(Duration window) {

    public RequestBudgetProperties {
        window = window == null || window.isNegative() || window.isZero() ? Duration.ofSeconds(61) : window;
    }
}
