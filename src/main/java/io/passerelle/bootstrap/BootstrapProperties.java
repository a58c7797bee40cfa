package io.passerelle.bootstrap;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code passerelle.bootstrap}: connection files read on start ({@code files}, Spring resource locations,
 * {@code optional:} allowed), whether to sync the connections they name right away ({@code sync-on-start}),
 * and how long readiness waits for that start-up sync to finish ({@code ready-timeout}).
 */
@ConfigurationProperties("passerelle.bootstrap")
public record BootstrapProperties(List<String> files, boolean syncOnStart, @DefaultValue("5m") Duration readyTimeout) {

    public BootstrapProperties {
        files = files == null ? List.of() : List.copyOf(files);
        readyTimeout = readyTimeout == null ? Duration.ofMinutes(5) : readyTimeout;
    }
}
