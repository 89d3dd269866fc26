package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hub's wiring of the forgotten-password mail (issue 18): through the outbox and a real SMTP server (GreenMail),
 * to the account's address only, with a link under the hub's public URL that resets the password once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@DisplayName("A password-reset request reaches the account's mailbox over SMTP, its link works once, the change is told")
class PasswordResetMailHubIT {

  static final GreenMail SMTP = HubExtension.startedSmtp();

  @RegisterExtension
  static final HubExtension HUB = HubExtension.builder().mailingTo(SMTP.getSmtp().getPort()).build();

  Hub hub;
  WebClient client;
  String publicUrl;

  @BeforeAll
  void start() {
    hub = HUB.hub();
    client = HUB.client();
    publicUrl = HUB.baseUrl();
  }

  @AfterAll
  void stop() {
    SMTP.stop();
  }

  private HttpResponse<Buffer> post(String path, JsonObject body) {
    return client.post(hub.httpPort(), "127.0.0.1", path).sendJsonObject(body).await();
  }

  @Test
  @DisplayName("one mail to the demo account, none for an unknown address; the link sets the password once")
  void resetMailOverSmtp() throws Exception {
    HttpResponse<Buffer> known = post("/api/v1/auth/password-reset-request", new JsonObject().put("email", DemoData.EMAIL));
    HttpResponse<Buffer> unknown = post("/api/v1/auth/password-reset-request",
        new JsonObject().put("email", "nobody@example.com"));
    assertThat(known.statusCode()).isEqualTo(202);
    assertThat(unknown.bodyAsString()).isEqualTo(known.bodyAsString());
    HubFixture.waitUntil(HUB.clientVertx(), () -> SMTP.getReceivedMessages().length >= 1, "the reset mail");

    MimeMessage[] mails = SMTP.getReceivedMessages();
    assertThat(mails).hasSize(1);
    assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo(DemoData.EMAIL);
    assertThat(mails[0].getSubject()).isEqualTo("Reset your Dovetail password");
    String text = Inbox.part(mails[0], "text/plain");
    Matcher link = Pattern.compile(Pattern.quote(publicUrl) + "/reset-password#([A-Za-z0-9_.-]+)").matcher(text);
    assertThat(link.find()).as(text).isTrue();

    String fresh = "a new passphrase for the demo";
    JsonObject reset = new JsonObject().put("token", link.group(1)).put("password", fresh);
    assertThat(post("/api/v1/auth/password-reset", reset).statusCode()).isEqualTo(204);
    DemoSession.login(client, hub.httpPort(), "demo", fresh);
    HttpResponse<Buffer> again = post("/api/v1/auth/password-reset", reset.copy().put("password", "and another one!"));
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.bodyAsJsonObject().getString("type")).endsWith("reset-link-invalid");

    HubFixture.waitUntil(HUB.clientVertx(), () -> SMTP.getReceivedMessages().length >= 2, "the notice of the change");
    MimeMessage notice = SMTP.getReceivedMessages()[1];
    assertThat(notice.getAllRecipients()[0].toString()).isEqualTo(DemoData.EMAIL);
    assertThat(notice.getSubject()).isEqualTo("Your Dovetail password was changed");
    assertThat(Inbox.part(notice, "text/plain")).contains(publicUrl + "/forgot-password")
        .doesNotContain("reset-password#");
  }
}
