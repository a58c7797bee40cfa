package io.passerelle.console;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the system's packages ({@code apt-get install chromium chromium-driver}), driven by Selenium.
 * Nothing is downloaded: the browser and its driver are named by path, so Selenium Manager is never asked for one.
 * The browser tests run only where both are installed ({@link #installed()}), and are reported skipped elsewhere.
 */
public final class Chromium {

    static final Path BROWSER = Path.of(System.getProperty("passerelle.test.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("passerelle.test.chromedriver", "/usr/bin/chromedriver"));
    public static final String MISSING = "no Chromium: install the Debian packages chromium and chromium-driver "
            + "(/usr/bin/chromium, /usr/bin/chromedriver) to run the console's browser tests";

    private Chromium() {
    }

    /** For {@code @EnabledIf}: whether both the browser and its driver are there to run. */
    public static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    /** A new headless browser whose preferred language is {@code language} ({@code en-US}, {@code fr-CA}). */
    public static WebDriver start(String language) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        // --no-sandbox: CI runs as root, where Chromium's own sandbox cannot start
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-extensions", "--no-first-run", "--window-size=1280,1024", "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        options.setExperimentalOption("excludeSwitches", List.of("enable-automation"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString())).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(10));
        return driver;
    }
}
