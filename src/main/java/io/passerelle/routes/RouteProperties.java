package io.passerelle.routes;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dir            the folder of route files beside the application; where it holds a file, that file is used,
 *                       else the packaged one of the same name
 * @param reloadInterval how often the files are checked for changes; a change is live within this and a parse
 */
@ConfigurationProperties("passerelle.routes")
public record RouteProperties(String dir, Duration reloadInterval) {

    public RouteProperties {
        if (dir == null || dir.isBlank()) {
            dir = "routes";
        }
        if (reloadInterval == null) {
            reloadInterval = Duration.ofSeconds(1);
        }
        if (reloadInterval.isNegative() || reloadInterval.isZero()) {
            throw new IllegalArgumentException("passerelle.routes.reload-interval must be positive, was " + reloadInterval);
        }
    }
}
