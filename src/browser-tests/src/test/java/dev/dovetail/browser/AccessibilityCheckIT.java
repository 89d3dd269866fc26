package dev.dovetail.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;

/**
 * The check every other browser test relies on can fail: {@link Browser#assertAccessible} runs axe-core on a hub page
 * under its CSP (ADR 9) and names the serious and critical violations that are put into it (they are also written to
 * target/axe-findings.txt, under "spoiled").
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AccessibilityCheckIT {

  private TestHub hub;
  private Browser browser;

  @BeforeAll
  void start() {
    hub = TestHub.start();
    browser = Browser.start();
  }

  @AfterAll
  void stop() {
    try {
      browser.close();
    } finally {
      hub.close();
    }
  }

  @Test
  @DisplayName("axe runs under the page's CSP: the log-in page passes; an unlabelled field and grey-on-white text added"
      + " to it fail with both rules named")
  void axeFindsWhatIsWrong() {
    browser.desktop();
    browser.open(hub.url("/dashboard"));
    browser.visible("#login-form");
    browser.assertAccessible("log-in page");
    browser.js("""
        const form = document.querySelector('#login-form');
        const input = document.createElement('input');
        input.id = 'no-label';
        form.append(input);
        const faint = document.createElement('p');
        faint.textContent = 'Hard to read';
        faint.style.color = '#d1d5db';
        faint.style.background = '#ffffff';
        form.append(faint);""");
    browser.visible(By.id("no-label"));
    assertThat(browser.axeViolations()).anySatisfy(v -> assertThat(v).startsWith("label (critical)"))
        .anySatisfy(v -> assertThat(v).startsWith("color-contrast (serious)"));
    assertThatThrownBy(() -> browser.assertAccessible("log-in page, spoiled"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("#no-label");
  }
}
