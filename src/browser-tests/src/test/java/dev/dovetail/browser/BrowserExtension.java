package dev.dovetail.browser;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one way a browser test gets its {@link Browser}: chromium, started when the test first asks for it, given a
 * fresh start after every test ({@link Browser#reset()}: no cookies, a blank page, the console read; the viewport and
 * zone stay as the test set them) and closed at the end. Register it with {@code @RegisterExtension}, as
 * {@code HubExtension}: in a static field one browser serves the whole class, in an instance field of a per-method
 * test class one test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final BrowserExtension BROWSER = new BrowserExtension();
 * private final Browser browser = BROWSER.browser();
 * }</pre>
 *
 * <p>The browser starts on the first {@link #browser()}, not in {@code beforeAll}: a per-class test instance is made
 * before any {@code beforeAll}, and its fields want the browser then.
 */
final class BrowserExtension implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

  private final String[] chromiumArguments;
  private boolean forClass;
  private Browser browser;

  /** With {@code chromiumArguments} (a test's narrowly scoped exception, e.g. one certificate accepted). */
  BrowserExtension(String... chromiumArguments) {
    this.chromiumArguments = chromiumArguments.clone();
  }

  /** The running browser, started by the first call. */
  synchronized Browser browser() {
    if (browser == null) {
      browser = Browser.start(chromiumArguments);
    }
    return browser;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    forClass = true;
  }

  @Override
  public synchronized void afterEach(ExtensionContext context) {
    if (browser == null) {
      return;
    }
    if (forClass) {
      browser.reset();
    } else {
      close();
    }
  }

  @Override
  public synchronized void afterAll(ExtensionContext context) {
    close();
  }

  private void close() {
    if (browser != null) {
      try {
        browser.close();
      } finally {
        browser = null;
      }
    }
  }
}
