package io.passerelle.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code passerelle.security.failed-sign-ins-per-minute}: how many failed sign-ins (no token where one is needed,
 * or a token that is not known) one client address may make in a minute before its calls with a token are
 * refused (429) for the rest of that minute.
 */
@ConfigurationProperties("passerelle.security")
public record SignInLimitProperties(@DefaultValue("20") int failedSignInsPerMinute) {

    public SignInLimitProperties {
        if (failedSignInsPerMinute < 1) {
            throw new IllegalArgumentException(
                    "passerelle.security.failed-sign-ins-per-minute must be at least 1, not " + failedSignInsPerMinute);
        }
    }
}
