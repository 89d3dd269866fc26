package dev.dovetail.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import dev.dovetail.app.HubExtension;
import dev.dovetail.app.Inbox;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Branding end to end (issues 18 and 19, ADR 57), on a phone-size window: the provider sets its name, colour and logo
 * in the dashboard's settings; its provider, booking, confirmation and manage pages then carry them in the header (the
 * colour through its style sheet, no inline style, no console error), and the confirmation mail reaches GreenMail over
 * SMTP under the provider's name, headed in its colour with its logo. The hub runs on the test's clock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class BrandingPagesIT {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final String NAME = "Praxis Sonnenschein";

  static final GreenMail SMTP = HubExtension.startedSmtp();
  private static final Inbox INBOX = new Inbox(SMTP);

  @RegisterExtension
  static final HubExtension HUB = HubApi.browserHub().mailingTo(SMTP.getSmtp().getPort()).build();

  @RegisterExtension
  static final BrowserExtension BROWSER = new BrowserExtension();

  private final HubApi hub = HubApi.on(HUB);
  private final Browser browser = BROWSER.browser();

  @AfterAll
  void stop() {
    SMTP.stop();
  }

  @Test
  @DisplayName("settings → name, colour and logo on the provider, booking, confirmation and manage pages at 390 px, "
      + "and in the confirmation mail under the provider's name")
  void settingsBrandThePagesAndTheMail() throws Exception {
    browser.phone();
    browser.logInToDashboard(hub.url("/dashboard"));
    browser.nav("#settings");
    browser.waitForText(By.tagName("h1"), "Settings");
    browser.type("#settings-name", NAME);
    browser.click("#settings-profile-save");
    browser.waitForText(By.id("settings-profile-result"), "Saved");

    browser.type("#settings-colour", "not a colour");
    browser.click("#settings-brand-save");
    browser.waitForText(By.id("settings-colour-error"), "six hex digits");
    browser.type("#settings-colour", "#1A6B4F");
    browser.select("#settings-language", "de");
    browser.click("#settings-brand-save");
    browser.waitForText(By.id("settings-brand-result"), "#1a6b4f with white text");

    Path logo = Files.createTempFile("logo", ".png");
    BufferedImage image = new BufferedImage(120, 40, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, 120, 40);
    g.dispose();
    ImageIO.write(image, "png", logo.toFile());
    browser.visible("#settings-logo").sendKeys(logo.toAbsolutePath().toString());
    browser.click("#settings-logo-save");
    browser.waitForText(By.id("settings-logo-result"), "Logo saved");
    assertThat(loadedWidth("#settings-logo-preview")).isEqualTo(120L);
    browser.screenshot("settings-brand-phone");
    browser.assertNoConsoleErrors();

    browser.open(hub.url("/book/demo"));
    assertBranded("provider page");
    browser.open(hub.url("/book/demo/demo-30"));
    assertBranded("booking page");
    browser.screenshot("booking-branded-phone");

    HubApi.Day day = hub.dayAhead("demo-30", BERLIN, 1);
    JsonObject receipt = hub.bookOrFail("demo-30", day.starts().get(0), "Ada Customer", "ada@example.com");
    browser.open(hub.url("/booked/" + receipt.getString("manageToken")));
    assertBranded("confirmation page");
    browser.open(hub.url("/manage/" + receipt.getString("manageToken")));
    assertBranded("manage page");
    browser.assertNoConsoleErrors();

    MimeMessage mail = INBOX.received("ada@example.com", "Confirmed");
    InternetAddress from = (InternetAddress) mail.getFrom()[0];
    assertThat(from.getPersonal()).isEqualTo(NAME);
    String html = Inbox.part(mail, "text/html");
    assertThat(html).contains("background:#1a6b4f;color:#ffffff;").contains(NAME)
        .containsPattern("<img src=\"http://[^\"]+/brand/demo/logo/[0-9a-f]{32}\" alt=\"\" width=\"120\" "
            + "height=\"40\"");
  }

  /** The header of a customer page: name, loaded logo, brand colour with readable text, no inline style, 390 px. */
  private void assertBranded(String page) {
    browser.waitForText(By.cssSelector(".site-header .brand-name"), NAME);
    assertThat(loadedWidth(".site-header img.brand-logo")).as(page + ": the logo loaded").isEqualTo(120L);
    assertThat(browser.js("return getComputedStyle(document.querySelector('.site-header')).backgroundColor"))
        .as(page + ": the header in the brand colour").isEqualTo("rgb(26, 107, 79)");
    assertThat(browser.js("return getComputedStyle(document.querySelector('.site-header')).color"))
        .as(page + ": white text on it").isEqualTo("rgb(255, 255, 255)");
    assertThat(browser.js("return document.querySelectorAll('[style]').length")).as(page + ": no inline style")
        .isEqualTo(0L);
    assertThat((Long) browser.js("return document.documentElement.scrollWidth")).as(page + ": fits 390 px")
        .isLessThanOrEqualTo(390L);
  }

  /** The natural width of a loaded image (0 when it failed to load). */
  private long loadedWidth(String css) {
    browser.visible(css);
    for (int tries = 0; tries < 50; tries++) {
      Object width = browser.js("const i = document.querySelector(arguments[0]); "
          + "return i.complete ? i.naturalWidth : -1", css);
      if (((Long) width) >= 0) {
        return (Long) width;
      }
      sleep();
    }
    return -1;
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
