package io.passerelle.console;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The sandbox on a random port for the code maps and payroll pages' tests, which share its one context: an ADMIN
 * ({@code test-admin-token}), an ENGINEER alice ({@code alice-token}, the owner of what it creates) and a VIEWER
 * ({@code test-viewer-token}). The classes keep to their own connections and timesheets.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.avantage.greeting-timeout=1s", "passerelle.avantage.request-timeout=5s",
        "passerelle.security.tokens[0].name=test-admin",
        "passerelle.security.tokens[0].role=ADMIN",
        "passerelle.security.tokens[0].sha256=17d6bfe05d1b1fb7bc499f8e3f639c7b3eda4c40f321eef8887a0c04c89a99c5",
        "passerelle.security.tokens[1].name=alice",
        "passerelle.security.tokens[1].role=ENGINEER",
        "passerelle.security.tokens[1].sha256=9c220f200955d76c0a38d308225e0ef10c5f971acaf2f8d1d8f732affa5bd1dc",
        "passerelle.security.tokens[2].name=test-viewer",
        "passerelle.security.tokens[2].role=VIEWER",
        "passerelle.security.tokens[2].sha256=04afacc947b28c94e15578a9db68c1d1bf775b3ff82bc88e31d4465f26bc0b42",
})
@ActiveProfiles({"sandbox", "test"})
@interface PayrollSandbox {

    String ADMIN = "test-admin-token";
    String ENGINEER = "alice-token";
    String VIEWER = "test-viewer-token";
    String AVANTAGE = "sandbox-avantage";
}
