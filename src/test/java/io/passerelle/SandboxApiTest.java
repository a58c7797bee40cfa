package io.passerelle;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application in sandbox mode, served on a random port, with an ADMIN token ({@code test-admin-token}) and
 * two ENGINEERs, alice ({@code alice-token}) and bob ({@code bob-token}), each the owner of what it creates. Classes
 * with this annotation and nothing else share one cached context: keep their tests independent of each other's data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.security.tokens[0].name=test-admin",
        "passerelle.security.tokens[0].role=ADMIN",
        "passerelle.security.tokens[0].sha256=17d6bfe05d1b1fb7bc499f8e3f639c7b3eda4c40f321eef8887a0c04c89a99c5",
        "passerelle.security.tokens[1].name=alice",
        "passerelle.security.tokens[1].role=ENGINEER",
        "passerelle.security.tokens[1].sha256=9c220f200955d76c0a38d308225e0ef10c5f971acaf2f8d1d8f732affa5bd1dc",
        "passerelle.security.tokens[2].name=bob",
        "passerelle.security.tokens[2].role=ENGINEER",
        "passerelle.security.tokens[2].sha256=97dd3707015dcf069cf73022ed7173b1165db6eff24b441cb57fd069a8c4e525",
})
@ActiveProfiles({"sandbox", "test"})
public @interface SandboxApiTest {
}
