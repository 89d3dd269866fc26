package dev.dovetail.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.app.HubExtension;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium driven by Selenium through Debian's chromedriver. Both paths are given explicitly, so
 * Selenium Manager never looks for (or downloads) a browser or a driver. The browser's console is read after every
 * step that matters: an error or an uncaught exception there fails the test, unless the test names the one HTTP
 * status it provoked on purpose (Chromium logs every 4xx answer to a fetch as a console error).
 */
final class Browser implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of(System.getProperty("dovetail.screenshots", "target/screenshots"));
  /**
   * Selenium warns that it has no devtools module for this Chromium version; these tests use chromedriver's own CDP
   * endpoint (executeCdpCommand), not Selenium's devtools, so the warning is noise. Held here so it is not collected.
   */
  private static final List<java.util.logging.Logger> QUIET = List.of(
      java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
      java.util.logging.Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

  static {
    QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
  }

  final ChromeDriver driver;
  private boolean slowed;
  private final Path profile;
  private final List<LogEntry> console = new ArrayList<>();

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * Chromium with {@code extraArguments} (a test's narrowly scoped exception, e.g. one certificate accepted); tests
   * get theirs from {@link BrowserExtension}.
   */
  static Browser start(String... extraArguments) {
    String chromium = System.getProperty("dovetail.chromium", "/usr/bin/chromium");
    String chromedriver = System.getProperty("dovetail.chromedriver", "/usr/bin/chromedriver");
    if (!new File(chromium).canExecute() || !new File(chromedriver).canExecute()) {
      throw new IllegalStateException("the browser tests need Debian's chromium and chromium-driver (" + chromium
          + ", " + chromedriver + "): apt-get install -y chromium chromium-driver (.ci/run does this)");
    }
    System.setProperty("webdriver.chrome.driver", chromedriver);
    Path profile;
    try {
      profile = Files.createTempDirectory("dovetail-chromium");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-default-apps",
        "--lang=en-US", "--window-size=1280,900", "--user-data-dir=" + profile);
    options.addArguments(extraArguments);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US"));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(chromedriver))
        .usingAnyFreePort()
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    return new Browser(driver, profile);
  }

  // ---- viewport and zone -------------------------------------------------------------------------------------------

  /** A 390×844 phone (touch, mobile viewport). */
  void phone() {
    viewport(390, 844, true);
  }

  void desktop() {
    viewport(1280, 900, false);
  }

  private void viewport(int width, int height, boolean mobile) {
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", mobile));
  }

  /** The zone the page detects with Intl.DateTimeFormat().resolvedOptions().timeZone. */
  void timeZone(String zone) {
    driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zone));
  }

  // ---- navigation and waiting --------------------------------------------------------------------------------------

  void open(String url) {
    driver.get(url);
  }

  /**
   * Waits up to 15 s. The pages re-render on their own (the agenda reloads every few seconds), so an element found
   * by one poll may be gone by the next: a stale element is one more poll, not a failure.
   */
  WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  WebElement visible(By by) {
    return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  WebElement visible(String css) {
    return visible(By.cssSelector(css));
  }

  void waitForText(By by, String text) {
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** The text of a visible element, read again if the page re-rendered it meanwhile. */
  String text(String css) {
    return waiting().until(d -> {
      WebElement element = d.findElement(By.cssSelector(css));
      return element.isDisplayed() ? element.getText() : null;
    });
  }

  void type(String css, String text) {
    WebElement input = visible(css);
    input.clear();
    input.sendKeys(text);
  }

  /** Clicks, again if the page re-renders the element between finding and clicking it (a stale element never clicks). */
  void click(String css) {
    waiting().until(d -> {
      WebElement element = ExpectedConditions.elementToBeClickable(By.cssSelector(css)).apply(d);
      if (element == null) {
        return false;
      }
      element.click();
      return true;
    });
  }

  /** Clicks {@code buttonCss} inside the frame {@code frameCss} (another site's page shown over this one). */
  void clickInFrame(String frameCss, String buttonCss) {
    driver.switchTo().frame(visible(frameCss));
    try {
      click(buttonCss);
    } finally {
      driver.switchTo().defaultContent();
    }
  }

  /** Chooses an option, again if the page re-renders the select meanwhile or has not added the option yet. */
  void select(String css, String value) {
    waiting().until(d -> {
      new Select(visible(css)).selectByValue(value);
      return true;
    });
  }

  /** Every request of this browser answered {@code latency} later, as on a slow mobile connection, until reset. */
  void slowNetwork(Duration latency) {
    ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
    slow.setLatency(latency);
    driver.setNetworkConditions(slow);
    slowed = true;
  }

  /** Sets a date input the way a date picker does (its value, then a change event). */
  void setDate(String css, String date) {
    js("const i = arguments[0]; i.value = arguments[1]; i.dispatchEvent(new Event('change', {bubbles: true}));",
        visible(css), date);
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  String path() {
    return (String) js("return location.pathname;");
  }

  /** Presses a key on whatever has the focus, as a keyboard user would. */
  void press(CharSequence key) {
    new org.openqa.selenium.interactions.Actions(driver).sendKeys(key).perform();
  }

  /** The text of an element, also where it is clipped from view (a short block of the agenda grid). */
  String allText(String css) {
    return visible(css).getAttribute("textContent");
  }

  /** Opens a dashboard view from the menu; on a phone, through the "Menu" button first. */
  void nav(String hash) {
    List<WebElement> toggle = all("#nav-toggle");
    if (!toggle.isEmpty() && toggle.get(0).isDisplayed() && "false".equals(toggle.get(0).getAttribute("aria-expanded"))) {
      click("#nav-toggle");
    }
    click("#nav a[href='" + hash + "']");
  }

  /** Logs the demo provider in on the dashboard and waits for the agenda, the first view after log-in. */
  void logInToDashboard(String dashboardUrl) {
    open(dashboardUrl);
    type("#login", "demo");
    type("#password", HubExtension.DEMO_PASSWORD);
    click("#login-button");
    waitForText(By.tagName("h1"), "Agenda");
  }

  // ---- checks ------------------------------------------------------------------------------------------------------

  /**
   * Every visible form control has an accessible name from a label ({@code <label for>}), aria-label or
   * aria-labelledby; buttons have text or a label. Answers the offending elements' descriptions.
   */
  @SuppressWarnings("unchecked")
  List<String> unlabelledControls() {
    return (List<String>) js("""
        const out = [];
        for (const el of document.querySelectorAll('input, select, textarea, button')) {
          if (el.type === 'hidden' || el.closest('[hidden]')) continue;
          const named = (el.labels && el.labels.length > 0 && [...el.labels].some(l => l.textContent.trim()))
            || (el.getAttribute('aria-label') || '').trim()
            || (el.getAttribute('aria-labelledby') || '').trim()
            || (el.tagName === 'BUTTON' && el.textContent.trim());
          if (!named) out.push(el.outerHTML.slice(0, 120));
        }
        return out;""");
  }

  void assertFormsLabelled() {
    assertThat(unlabelledControls()).as("form fields without a label on " + path()).isEmpty();
  }

  /** The page has a language, a main landmark and exactly one h1. */
  void assertLandmarks() {
    assertThat((String) js("return document.documentElement.lang;")).isEqualTo("en");
    assertThat(all("main")).hasSize(1);
    assertThat(all("h1")).as("one h1 on " + path()).hasSize(1);
  }

  /**
   * Runs axe-core (npm, pinned in .ci/axe-core, installed by .ci/install-test-deps) on the current page or frame and
   * fails listing every serious or critical violation. axe is evaluated through the WebDriver connection, as the
   * DevTools console would, so the page's CSP (no inline or foreign scripts, ADR 9) stays as it is. {@code context}
   * names the screen in the failure message. Every violation, of any impact, is appended to target/axe-findings.txt.
   * Frames are left out: a framed page of ours is checked from inside its frame.
   */
  void assertAccessible(String context) {
    String where = context + " (" + js("return location.pathname + location.hash;") + ")";
    List<String> violations = axeViolations();
    try {
      Files.createDirectories(SCREENSHOTS.getParent());
      Files.writeString(SCREENSHOTS.resolveSibling("axe-findings.txt"), violations.stream()
          .map(v -> where + "\t" + v + "\n").collect(java.util.stream.Collectors.joining()),
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    assertThat(violations.stream().filter(v -> v.contains(" (serious): ") || v.contains(" (critical): ")
        || v.startsWith("axe failed")).toList())
        .as("axe-core serious or critical violations on " + where).isEmpty();
  }

  /** axe-core's violations on the current page: "rule (impact): help; n element(s): up to 3 targets and summaries". */
  @SuppressWarnings("unchecked")
  List<String> axeViolations() {
    if (!Boolean.TRUE.equals(js("return typeof window.axe === 'object';"))) {
      js(AxeSource.TEXT);
    }
    return (List<String>) ((JavascriptExecutor) driver).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document, { iframes: false, resultTypes: ['violations'] }).then(results => done(results.violations
            .map(v => `${v.id} (${v.impact}): ${v.help}; ${v.nodes.length} element(s): `
              + v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' '))
                .join(' | '))), e => done(['axe failed: ' + e]));""");
  }

  /** axe-core's script, read once (a missing install names the command that installs it). */
  private static final class AxeSource {
    static final String TEXT = read();

    private static String read() {
      Path file = Path.of(System.getProperty("dovetail.axe", "../../.ci/axe-core/node_modules/axe-core/axe.min.js"));
      try {
        return Files.readString(file);
      } catch (IOException e) {
        throw new IllegalStateException("axe-core is missing at " + file.toAbsolutePath()
            + ": run .ci/install-test-deps (or npm ci --prefix .ci/axe-core)", e);
      }
    }
  }

  /**
   * No console errors since the last check. {@code expectedStatuses} are HTTP statuses the test provoked on purpose
   * (the page handles them; Chromium still logs "Failed to load resource ... status of 409").
   */
  void assertNoConsoleErrors(int... expectedStatuses) {
    List<String> errors = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      console.add(entry);
      if (entry.getLevel().intValue() < Level.SEVERE.intValue()) {
        continue;
      }
      boolean expected = false;
      for (int status : expectedStatuses) {
        expected |= Pattern.compile("Failed to load resource: the server responded with a status of " + status
            + "\\b").matcher(entry.getMessage()).find();
      }
      if (!expected) {
        errors.add(entry.getMessage());
      }
    }
    assertThat(errors).as("browser console errors").isEmpty();
  }

  /** Lets pages of {@code origin} write and read the clipboard, as a user who allowed it would. */
  void allowClipboard(String origin) {
    driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", origin,
        "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
  }

  /** The clipboard's text, read by the page (needs {@link #allowClipboard}). */
  String clipboardText() {
    return (String) ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + " navigator.clipboard.readText().then(done, e => done('clipboard refused: ' + e));");
  }

  /** Writes a PNG of the viewport to target/screenshots/{name}.png. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A fresh start for the next test: no cookies, a blank page. */
  void reset() {
    if (slowed) {
      driver.deleteNetworkConditions();
      slowed = false;
    }
    driver.manage().deleteAllCookies();
    driver.get("about:blank");
    driver.manage().logs().get(LogType.BROWSER);
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a temporary profile left behind is harmless
      }
    }
  }
}
