package se.integrationjourney.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: never a driver Selenium would download (both
 * paths are given, so Selenium Manager is not asked). One browser per test class; each test signs in afresh.
 */
public final class Browser implements AutoCloseable {

    /** The largest page a person may have to wait for, everything it loads counted. */
    public static final long MAX_PAGE_BYTES = 150 * 1024;

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String AXE = loadAxe();

    private final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, int port) {
        this.driver = driver;
        this.base = "http://localhost:" + port;
    }

    /** A browser with JavaScript on. */
    public static Browser open(int port) {
        return start(port, true);
    }

    /** A browser with JavaScript off: the core flows must work without it. */
    public static Browser withoutJavaScript(int port) {
        return start(port, false);
    }

    private static Browser start(int port, boolean javaScript) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1280,1000",
                "--no-first-run",
                "--disable-extensions",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--metrics-recording-only");
        if (!javaScript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return new Browser(driver, port);
    }

    /** Drops the session cookie (and every other): the next page is a stranger's. */
    public Browser forgetSession() {
        driver.manage().deleteAllCookies();
        return this;
    }

    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    public String title() {
        return driver.getTitle();
    }

    /** The text of the page's {@code <main>}. */
    public String mainText() {
        return driver.findElement(By.tagName("main")).getText();
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    public String language() {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** Types into the field whose label is {@code label} (the label's {@code for}), replacing what was there. */
    public Browser fill(String label, String text) {
        WebElement field = field(label);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Chooses the option with visible text {@code option} in the select labelled {@code label}. */
    public Browser choose(String label, String option) {
        new Select(field(label)).selectByVisibleText(option);
        return this;
    }

    /** The form field labelled {@code label}. */
    public WebElement field(String label) {
        WebElement labelElement = driver.findElement(By.xpath("//label[normalize-space(.)=" + literal(label) + "]"));
        return driver.findElement(By.id(labelElement.getAttribute("for")));
    }

    /** Clicks the button whose text is {@code text}, and waits for the page it leads to. */
    public Browser press(String text) {
        return toNextPage(() -> clickFresh(() -> button(text)));
    }

    /**
     * Clicks what {@code element} finds, finding it again if a live update (htmx polling) replaced it between the
     * finding and the click.
     */
    private static void clickFresh(java.util.function.Supplier<WebElement> element) {
        for (int attempt = 1; ; attempt++) {
            try {
                element.get().click();
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                if (attempt == 20) {
                    throw replaced;
                }
            }
        }
    }

    /** Clicks the button whose text is {@code text} on a page that stays (htmx swaps part of it). */
    public Browser pressInPlace(String text) {
        clickFresh(() -> button(text));
        return this;
    }

    /** Follows the link whose text is {@code text}, and waits for the page it leads to. */
    public Browser follow(String text) {
        return toNextPage(() -> driver.findElement(By.linkText(text)).click());
    }

    /**
     * Does {@code action} and waits until the browser has left this page and loaded the next: the current document
     * is marked, and the wait ends when a complete document without the mark is there.
     */
    public Browser toNextPage(Runnable action) {
        driver.executeScript("window.journeyTestPage = true;");
        action.run();
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .ignoring(WebDriverException.class) // asked while the old document goes away
                .until(d -> Boolean.TRUE.equals(driver.executeScript(
                        "return window.journeyTestPage === undefined && document.readyState === 'complete';")));
        return this;
    }

    private WebElement button(String text) {
        return driver.findElement(By.xpath("//button[normalize-space(.)=" + literal(text) + "]"
                + " | //input[@type='submit' and @value=" + literal(text) + "]"));
    }

    /** Sends keys to whatever has focus, as a person at the keyboard does. */
    public Browser keys(CharSequence... keys) {
        driver.switchTo().activeElement().sendKeys(keys);
        return this;
    }

    public Browser tab() {
        return keys(Keys.TAB);
    }

    /**
     * Presses Tab, as a person at the keyboard does, until the element with {@code id} has focus: fails if it is
     * not reached within 60 presses (not reachable by keyboard).
     */
    public Browser tabTo(String id) {
        for (int press = 0; press < 60; press++) {
            if (id.equals(driver.switchTo().activeElement().getAttribute("id"))) {
                return this;
            }
            tab();
        }
        throw new AssertionError("#" + id + " is not reached with the Tab key on " + path());
    }

    /** Presses Enter in the focused field, submitting its form, and waits for the page it leads to. */
    public Browser enter() {
        return toNextPage(() -> keys(Keys.ENTER));
    }

    /** Signs in through the form as a person does. */
    public Browser signIn(String username, String password) {
        go("/signin");
        fill(label("signin.username"), username);
        fill(label("signin.password"), password);
        press(label("signin.submit"));
        return this;
    }

    public Browser signOut() {
        return toNextPage(() -> driver.findElement(By.cssSelector("form[action$='/signout'] button"))
                .click());
    }

    /**
     * Fetches {@code path} from the page, with the browser's session, as a link to a download would: its status,
     * {@code Content-Disposition} and text.
     */
    @SuppressWarnings("unchecked")
    public Fetched fetch(String path) {
        Map<String, Object> fetched = (Map<String, Object>) driver.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) {"
                        + "  return r.text().then(function (text) {"
                        + "    done({status: r.status, disposition: r.headers.get('Content-Disposition'), body: text});"
                        + "  });"
                        + "});",
                base + path);
        return new Fetched(((Number) fetched.get("status")).intValue(), (String) fetched.get("disposition"), (String)
                fetched.get("body"));
    }

    public record Fetched(int status, String contentDisposition, String body) {}

    /** Waits (up to a minute) until the page's main text contains {@code text}; for htmx updates. */
    public Browser awaitText(String text) {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> mainText().contains(text));
        return this;
    }

    /**
     * axe-core's WCAG 2.1 A and AA rules run in the page: the serious and critical violations, each as "rule: the
     * elements it found", empty when there are none.
     */
    @SuppressWarnings("unchecked")
    public List<String> seriousAccessibilityViolations() {
        driver.executeScript(AXE);
        Object result = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(function (r) { done(r.violations.map(function (v) {"
                + "  return {id: v.id, impact: v.impact, nodes: v.nodes.map(function (n) { return n.target.join(' '); })};"
                + "})); }, function (e) { done([{id: 'axe-failed: ' + e, impact: 'critical', nodes: []}]); });");
        List<String> serious = new ArrayList<>();
        for (Map<String, Object> violation : (List<Map<String, Object>>) result) {
            Object impact = violation.get("impact");
            if ("serious".equals(impact) || "critical".equals(impact)) {
                serious.add(violation.get("id") + ": " + violation.get("nodes"));
            }
        }
        return serious;
    }

    /**
     * What the current page cost to load, from the browser's own resource timing: every request's bytes (a resource
     * served from the browser's cache counted at its full size), and the addresses of requests to anywhere else.
     */
    @SuppressWarnings("unchecked")
    public PageLoad pageLoad() {
        List<Map<String, Object>> entries = (List<Map<String, Object>>) ((JavascriptExecutor) driver)
                .executeScript("return performance.getEntriesByType('navigation')"
                        + ".concat(performance.getEntriesByType('resource'))"
                        + ".map(function (e) { return {name: e.name, transfer: e.transferSize,"
                        + " encoded: e.encodedBodySize}; });");
        long bytes = 0;
        List<String> elsewhere = new ArrayList<>();
        for (Map<String, Object> entry : entries) {
            long transfer = ((Number) entry.get("transfer")).longValue();
            long encoded = ((Number) entry.get("encoded")).longValue();
            bytes += Math.max(transfer, encoded);
            String name = (String) entry.get("name");
            if (!name.startsWith(base)) {
                elsewhere.add(name);
            }
        }
        return new PageLoad(bytes, elsewhere);
    }

    /** @param bytes everything the page loaded @param elsewhere requests to any other origin */
    public record PageLoad(long bytes, List<String> elsewhere) {}

    /**
     * The checks every page must pass: no serious or critical accessibility violation, under {@link #MAX_PAGE_BYTES}
     * with everything it loads, and nothing loaded from another origin.
     */
    public Browser assertGoodPage() {
        assertThat(seriousAccessibilityViolations()).as("axe-core on " + path()).isEmpty();
        PageLoad load = pageLoad();
        assertThat(load.elsewhere())
                .as("requests to other origins from " + path())
                .isEmpty();
        assertThat(load.bytes()).as("bytes loaded by " + path()).isLessThan(MAX_PAGE_BYTES);
        return this;
    }

    /**
     * When the tests run with {@code SCREENSHOTS} set in the environment ({@code SCREENSHOTS=1 bin/test ...}): a
     * PNG of the page as it looks now, as docs/ui/{@code name}.png for docs/ui.md. Otherwise nothing.
     */
    public Browser screenshotForDocs(String name) {
        if (System.getenv("SCREENSHOTS") != null) {
            screenshot(Path.of("../docs/ui/" + name + ".png"));
        }
        return this;
    }

    /** A PNG of the page as it looks now. */
    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The web application's text for {@code key} in Swedish, the language pages open in. */
    public static String label(String key) {
        return Messages.swedish(key);
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    private static String loadAxe() {
        try (InputStream script = Browser.class.getResourceAsStream("/axe.min.js")) {
            if (script == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core)");
            }
            return new String(script.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Renders the page for {@code media} ({@code print} or {@code screen}) through Chrome DevTools' media emulation,
     * so that a test can check what the print stylesheet shows and hides; {@code ""} ends the emulation.
     */
    public Browser emulateMedia(String media) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", media));
        return this;
    }
}
