package io.passerelle;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application in sandbox mode against its in-process simulators, on a private in-memory
 * database. Classes with this annotation and nothing else share one cached context: keep their
 * tests independent of each other's data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@CamelSpringBootTest
@SpringBootTest(properties = {"passerelle.avantage.greeting-timeout=1s", "passerelle.avantage.request-timeout=5s"})
@ActiveProfiles({"sandbox", "test"})
public @interface SandboxTest {
}
