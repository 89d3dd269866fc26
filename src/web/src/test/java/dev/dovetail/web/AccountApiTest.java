package dev.dovetail.web;

import static dev.dovetail.web.ApiFixture.expect;
import static dev.dovetail.web.ApiFixture.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.infra.mail.StoreSinkMailer;
import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.domain.MessageKind;
import dev.dovetail.notification.domain.OutboundMessage;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The provider's own account over HTTP (issue 18): profile, password change, and the forgotten-password mail with
 * its signed, expiring, single-use link, read from the local mail sink. The clock is the fixture's, set by the test.
 */
@ExtendWith(VertxExtension.class)
class AccountApiTest {

  private static final Pattern LINK = Pattern.compile("http://127\\.0\\.0\\.1/reset-password#([A-Za-z0-9_.-]+)");
  private static final String NEW_PASSWORD = "a brand new passphrase";

  private ApiFixture api;
  private ApiFixture.Tenant alice;

  @BeforeEach
  void tenant(Vertx vertx) {
    api = ApiFixture.start(vertx);
    alice = api.tenant("alice");
    api.clock.set(java.time.Instant.parse("2027-01-12T09:02:00Z"));
  }

  private HttpResponse<Buffer> askForReset(String email) {
    return api.post("/api/v1/auth/password-reset-request", new JsonObject().put("email", email));
  }

  private List<OutboundMessage> resetMessages() {
    return api.outbox.all().stream().filter(m -> m.kind() == MessageKind.PROVIDER_PASSWORD_RESET).toList();
  }

  /** Sends what is due into the sink and returns the token of the newest reset mail's link. */
  private String mailedToken() {
    api.dispatcher(new StoreSinkMailer(api.mailSink, api.clock)).dispatchDue().await();
    OutboundMessage newest = resetMessages().stream()
        .max(java.util.Comparator.comparing(OutboundMessage::createdAt)).orElseThrow();
    MailMessage mail = api.mailSink.find(newest.id()).await().orElseThrow();
    assertThat(mail.to()).isEqualTo("alice@example.com");
    assertThat(mail.subject()).isEqualTo("Reset your Dovetail password");
    Matcher link = LINK.matcher(mail.text());
    assertThat(link.find()).as(mail.text()).isTrue();
    assertThat(mail.html()).contains("reset-password#" + link.group(1));
    return link.group(1);
  }

  private HttpResponse<Buffer> reset(String token, String password) {
    return api.post("/api/v1/auth/password-reset", new JsonObject().put("token", token).put("password", password));
  }

  private int loginStatus(String password) {
    return api.post("/api/v1/auth/login", new JsonObject().put("login", "alice@example.com").put("password", password))
        .statusCode();
  }

  @Test
  @DisplayName("asking for a reset answers the same for an account's address and for any other; only the account "
      + "gets a mail, and at most one per 5 minutes")
  void resetRequestDoesNotTellWhichAddressesHaveAccounts() {
    HttpResponse<Buffer> known = askForReset(" Alice@Example.com ");
    HttpResponse<Buffer> unknown = askForReset("nobody@example.com");
    assertThat(known.statusCode()).isEqualTo(202);
    assertThat(unknown.statusCode()).isEqualTo(202);
    assertThat(unknown.bodyAsString()).isEqualTo(known.bodyAsString());
    assertThat(new java.util.TreeSet<>(unknown.headers().names()))
        .isEqualTo(new java.util.TreeSet<>(known.headers().names()));
    assertThat(resetMessages()).singleElement().satisfies(m -> {
      assertThat(m.recipient()).isEqualTo("alice@example.com");
      assertThat(m.providerId()).isEqualTo("alice");
    });

    api.clock.advance(Duration.ofMinutes(2));
    assertThat(askForReset("alice@example.com").statusCode()).isEqualTo(202);
    assertThat(resetMessages()).as("same window: nothing new").hasSize(1);
    api.clock.advance(Duration.ofMinutes(2));
    assertThat(askForReset("alice@example.com").statusCode()).isEqualTo(202);
    assertThat(resetMessages()).as("the next window").hasSize(2);

    expectProblem(400, askForReset("not an address"));
  }

  @Test
  @DisplayName("the mailed link sets a new password once; the old password and a second use are refused")
  void resetLinkWorksOnce() {
    askForReset("alice@example.com");
    String token = mailedToken();

    expectProblem(400, reset(token, "too short"));
    assertThat(reset(token, NEW_PASSWORD).statusCode()).isEqualTo(204);
    assertThat(loginStatus(NEW_PASSWORD)).isEqualTo(200);
    assertThat(loginStatus(ApiFixture.PASSWORD)).isEqualTo(401);
    assertThat(changeNotices()).as("the owner is told").hasSize(1);

    JsonObject again = expectProblem(400, reset(token, "yet another passphrase"));
    assertThat(again.getString("type")).endsWith("reset-link-invalid");
    assertThat(loginStatus(NEW_PASSWORD)).isEqualTo(200);
  }

  @Test
  @DisplayName("a link stops working an hour after it was asked for, and when any newer password is set")
  void resetLinkExpiresAndIsSuperseded() {
    askForReset("alice@example.com");
    String expiring = mailedToken();
    api.clock.advance(Duration.ofMinutes(61));
    assertThat(expectProblem(400, reset(expiring, NEW_PASSWORD)).getString("type")).endsWith("reset-link-invalid");

    askForReset("alice@example.com");
    String superseded = mailedToken();
    expect(204, api.send(HttpMethod.PUT, "/api/v1/me/password", alice.session().auth(), new JsonObject()
        .put("currentPassword", ApiFixture.PASSWORD).put("newPassword", NEW_PASSWORD)));
    assertThat(expectProblem(400, reset(superseded, "yet another passphrase")).getString("type"))
        .endsWith("reset-link-invalid");
    assertThat(loginStatus(NEW_PASSWORD)).isEqualTo(200);
  }

  @Test
  @DisplayName("forged, truncated and re-addressed tokens are refused alike")
  void forgedTokensAreRefused() {
    askForReset("alice@example.com");
    String token = mailedToken();
    expect(201, api.signUp("mallory"));
    String payload = token.substring(0, token.indexOf('.'));
    String signature = token.substring(token.indexOf('.') + 1);
    String mallorysPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        ("mallory@example.com\n" + (api.clock.instant().getEpochSecond() + 600)).getBytes());
    for (String forged : List.of(payload + "." + signature.substring(1), payload, "." + signature,
        mallorysPayload + "." + signature, "not-base64!." + signature, token + "x")) {
      assertThat(expectProblem(400, reset(forged, NEW_PASSWORD)).getString("type")).as(forged)
          .endsWith("reset-link-invalid");
    }
    assertThat(loginStatus(ApiFixture.PASSWORD)).isEqualTo(200);
  }

  @Test
  @DisplayName("the notification log lists the reset mail but never shows its content, not even to its provider")
  void notificationLogWithholdsTheLink() {
    askForReset("alice@example.com");
    mailedToken();
    OutboundMessage message = resetMessages().get(0);
    for (ApiFixture.Auth auth : List.of(alice.bearer(), alice.session().auth())) {
      JsonObject entry = expect(200, api.get("/api/v1/notifications/" + message.id(), auth));
      assertThat(entry.getJsonObject("notification").getString("kind")).isEqualTo("PROVIDER_PASSWORD_RESET");
      assertThat(entry.getValue("content")).isNull();
      assertThat(entry.encode()).doesNotContain("reset-password#");
    }
  }

  @Test
  @DisplayName("a password change needs a dashboard session and the current password; wrong ones count like log-ins")
  void passwordChangeNeedsTheCurrentPassword() {
    JsonObject change = new JsonObject().put("currentPassword", ApiFixture.PASSWORD).put("newPassword", NEW_PASSWORD);
    assertThat(expectProblem(403, api.send(HttpMethod.PUT, "/api/v1/me/password", alice.bearer(), change))
        .getString("type")).endsWith("session-required");
    expectProblem(403, api.send(HttpMethod.PUT, "/api/v1/me/password", alice.session().withoutCsrf(), change));
    JsonObject wrong = change.copy().put("currentPassword", "not the password at all");
    for (int i = 0; i <= dev.dovetail.account.app.LoginThrottle.FREE_FAILURES; i++) {
      assertThat(expectProblem(403, api.send(HttpMethod.PUT, "/api/v1/me/password", alice.session().auth(), wrong))
          .getString("type")).endsWith("current-password-wrong");
    }
    expectProblem(429, api.send(HttpMethod.PUT, "/api/v1/me/password", alice.session().auth(), wrong));
    assertThat(loginStatus(ApiFixture.PASSWORD)).as("the account is locked for a moment").isEqualTo(429);
    api.clock.advance(Duration.ofSeconds(2));

    assertThat(changeNotices()).as("refused changes tell nobody").isEmpty();
    expect(204, api.send(HttpMethod.PUT, "/api/v1/me/password", alice.session().auth(), change));
    assertThat(loginStatus(ApiFixture.PASSWORD)).isEqualTo(401);
    assertThat(loginStatus(NEW_PASSWORD)).isEqualTo(200);

    // The owner is told by mail, with where to reset the password; that mail is no credential, so the log shows it.
    api.dispatcher(new StoreSinkMailer(api.mailSink, api.clock)).dispatchDue().await();
    OutboundMessage notice = changeNotices().get(0);
    assertThat(notice.recipient()).isEqualTo("alice@example.com");
    JsonObject content = expect(200, api.get("/api/v1/notifications/" + notice.id(), alice.bearer()))
        .getJsonObject("content");
    assertThat(content.getString("subject")).isEqualTo("Your Dovetail password was changed");
    assertThat(content.getString("text")).contains("http://127.0.0.1/forgot-password");
  }

  private List<OutboundMessage> changeNotices() {
    return api.outbox.all().stream().filter(m -> m.kind() == MessageKind.PROVIDER_PASSWORD_CHANGED).toList();
  }

  @Test
  @DisplayName("PATCH /api/v1/me sets the display name and time zone; bad input is a 400 and changes nothing")
  void profileUpdate() {
    JsonObject me = expect(200, api.send(HttpMethod.PATCH, "/api/v1/me", alice.session().auth(), new JsonObject()
        .put("displayName", "  Alice's <Studio>  ").put("timeZone", "America/New_York")));
    assertThat(me.getString("displayName")).isEqualTo("Alice's <Studio>");
    assertThat(me.getString("timeZone")).isEqualTo("America/New_York");
    assertThat(me.getString("email")).isEqualTo("alice@example.com");
    assertThat(me).as("the same provider as GET /api/v1/me answers")
        .isEqualTo(expect(200, api.get("/api/v1/me", alice.session().auth())));
    assertThat(me.getBoolean("cardPayments")).as("the hub's, shown, not settable").isFalse();
    for (JsonObject bad : List.of(new JsonObject().put("displayName", "Line\nbreak").put("timeZone", "UTC"),
        new JsonObject().put("displayName", "Fine").put("timeZone", "Mars/Olympus"),
        new JsonObject().put("displayName", "").put("timeZone", "UTC"),
        new JsonObject().put("displayName", "Fine").put("timeZone", "UTC").put("email", "x@example.com"),
        new JsonObject().put("displayName", "Fine").put("timeZone", "UTC").put("cardPayments", true))) {
      expectProblem(400, api.send(HttpMethod.PATCH, "/api/v1/me", alice.bearer(), bad));
    }
    JsonObject after = expect(200, api.get("/api/v1/me", alice.bearer()));
    assertThat(after.getString("displayName")).isEqualTo("Alice's <Studio>");
    assertThat(after.getString("timeZone")).isEqualTo("America/New_York");
    assertThat(api.get("/book/alice").bodyAsString()).contains("Alice&#39;s &lt;Studio&gt;");
  }
}
