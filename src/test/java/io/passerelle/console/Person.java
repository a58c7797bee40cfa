package io.passerelle.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A person at the console, in a browser: finds things as a person does (a field by its label, a button or a link by
 * its name, a table by its caption, a row by its header) rather than by ids or classes the markup may change.
 */
public final class Person {

    private final WebDriver browser;
    private final String base;

    public Person(WebDriver browser, int port) {
        this.browser = browser;
        this.base = "http://localhost:" + port;
    }

    public WebDriver browser() {
        return browser;
    }

    public void open(String path) {
        browser.get(base + path);
    }

    /** Starts afresh: no session from an earlier test. */
    public void forget() {
        open("/sign-in");
        browser.manage().deleteAllCookies();
    }

    public void signIn(String token) {
        forget();
        open("/");
        field("Token").sendKeys(token);
        press(button("Sign in"));
        assertThat(heading()).as(text()).isEqualTo("Connections");
    }

    /** Clicks a link or a form's button, and waits for the page it leads to, as a person waits for it. */
    public void press(WebElement element) {
        WebElement before = browser.findElement(By.tagName("html"));
        element.click();
        await().atMost(Duration.ofSeconds(20)).until(() -> gone(before));
    }

    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        }
    }

    public String heading() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    /** What the page says, as shown. */
    public String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    /** The input a label names, also a label only a screen reader reads (a row's fields in a table). */
    public WebElement field(String label) {
        WebElement found = browser.findElements(By.tagName("label")).stream()
                .filter(l -> label.equals(l.getAccessibleName()) || label.equals(l.getText().strip())
                        || label.equals(String.valueOf(l.getDomProperty("textContent")).strip()))
                .findFirst().orElseThrow(() -> new AssertionError("no field labelled " + label + " in: " + text()));
        return browser.findElement(By.id(found.getDomAttribute("for")));
    }

    public WebElement button(String name) {
        return maybeButton(name).orElseThrow(() -> new AssertionError("no button " + name + " in: " + text()));
    }

    /** The button whose accessible name (what a screen reader says, the visible text included) is {@code name}. */
    public Optional<WebElement> maybeButton(String name) {
        return buttons().stream().filter(b -> name.equals(b.getAccessibleName())).findFirst();
    }

    public List<WebElement> buttons() {
        return browser.findElements(By.tagName("button"));
    }

    public WebElement link(String name) {
        return browser.findElement(By.linkText(name));
    }

    /** The table a caption names. */
    public WebElement table(String caption) {
        return browser.findElements(By.tagName("table")).stream()
                .filter(t -> !t.findElements(By.tagName("caption")).isEmpty()
                        && t.findElement(By.tagName("caption")).getText().strip().equals(caption))
                .findFirst().orElseThrow(() -> new AssertionError("no table " + caption + " in: " + text()));
    }

    /** The row of a table whose row header says {@code header} (or starts with it, then a space). */
    public WebElement row(WebElement table, String header) {
        return table.findElements(By.cssSelector(":scope > tbody > tr")).stream()
                .filter(r -> {
                    String said = r.findElement(By.cssSelector(":scope > th")).getText().strip();
                    return said.equals(header) || said.contains(header);
                })
                .findFirst().orElseThrow(() -> new AssertionError("no row " + header + " in: " + table.getText()));
    }

    /** The text of a row's cell under the column header {@code column}. */
    public String cell(WebElement table, WebElement row, String column) {
        List<WebElement> headers = table.findElements(By.cssSelector(":scope > thead > tr > th"));
        List<WebElement> cells = row.findElements(By.cssSelector(":scope > th, :scope > td"));
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).getText().strip().equals(column)) {
                return cells.get(i).getText().strip();
            }
        }
        throw new AssertionError("no column " + column + " in: " + table.getText());
    }

    /** A picture of the page, for the README: {@code <build dir>/console-screenshots/<name>.png}. */
    public void screenshot(String name) {
        try {
            Path dir = buildDir().resolve("console-screenshots");
            Files.createDirectories(dir);
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.move(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The build's output folder (target, or -Dbuild.dir's): where the test classes are. */
    private static Path buildDir() {
        try {
            return Path.of(Person.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
