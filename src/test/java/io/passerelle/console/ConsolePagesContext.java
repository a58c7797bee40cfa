package io.passerelle.console;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The sandbox on a random port for the Companies and Runs pages' tests, which share it: an ADMIN
 * ({@code test-admin-token}), an ENGINEER named {@code sandbox} ({@code pages-engineer-token}), so the owner of the
 * sandbox's connections, who may change them and see their companies, and a VIEWER ({@code test-viewer-token}), who
 * may do neither. Keep the tests independent of each other's data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.security.tokens[0].name=test-admin",
        "passerelle.security.tokens[0].role=ADMIN",
        "passerelle.security.tokens[0].sha256=17d6bfe05d1b1fb7bc499f8e3f639c7b3eda4c40f321eef8887a0c04c89a99c5",
        "passerelle.security.tokens[1].name=sandbox",
        "passerelle.security.tokens[1].role=ENGINEER",
        // sha-256 of "pages-engineer-token"
        "passerelle.security.tokens[1].sha256=6fe238e0a42bbbf5b6a9ceb3aa215a3bbd637c9719d314b7a2f04f35d08dcf4d",
        "passerelle.security.tokens[2].name=test-viewer",
        "passerelle.security.tokens[2].role=VIEWER",
        "passerelle.security.tokens[2].sha256=04afacc947b28c94e15578a9db68c1d1bf775b3ff82bc88e31d4465f26bc0b42",
})
@ActiveProfiles({"sandbox", "test"})
@interface ConsolePagesContext {

    String ADMIN = "test-admin-token";
    String ENGINEER = "pages-engineer-token";
    String VIEWER = "test-viewer-token";
}
