package io.passerelle.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A console test class in a headless Chromium of its own, opened once for the class and afresh (signed out, no
 * cookie) for each test, through a {@link Person}. Its subclasses say which application and when to skip.
 */
abstract class BrowserTest {

    private static WebDriver browser;

    @LocalServerPort
    int port;

    /** The person at the browser, signed out at the start of each test. */
    Person person;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start("en-US");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    @BeforeEach
    void afresh() {
        person = new Person(browser, port);
        person.forget();
    }
}
