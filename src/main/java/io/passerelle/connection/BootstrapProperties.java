package io.passerelle.connection;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code passerelle.bootstrap}: connection files read on start ({@code files}, Spring resource locations,
 * {@code optional:} allowed) and whether to sync the connections they name right away ({@code sync-on-start}).
 */
@ConfigurationProperties("passerelle.bootstrap")
public record BootstrapProperties(List<String> files, boolean syncOnStart) {

    public BootstrapProperties {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
