package dev.dovetail.web;

import static dev.dovetail.web.ApiFixture.expect;
import static dev.dovetail.web.ApiFixture.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.infra.mail.StoreSinkMailer;
import dev.dovetail.testkit.RecordingMailer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /api/v1/notifications[/{id}]}: the provider's mail, with state, errors and the local sink's copies. */
@ExtendWith(VertxExtension.class)
@DisplayName("Provider API: notifications")
class NotificationApiTest {

  private ApiFixture api;
  private ApiFixture.Tenant alice;

  @BeforeEach
  void tenant(Vertx vertx) {
    api = ApiFixture.start(vertx);
    alice = api.tenant("alice");
  }

  @Test
  @DisplayName("with the local sink, sent mail is listed as SENT and readable with its text, HTML and .ics")
  void sinkKeepsRenderedMailForTheProvider() {
    api.dispatcher(new StoreSinkMailer(api.mailSink, api.clock)).dispatchDue().await();

    JsonObject page = expect(200, api.get("/api/v1/notifications?limit=50", alice.bearer()));
    JsonArray items = page.getJsonArray("items");
    List<String> kinds = new ArrayList<>();
    items.forEach(item -> kinds.add(((JsonObject) item).getString("kind")));
    assertThat(kinds).containsExactlyInAnyOrder("REMINDER", "REMINDER", "CONFIRMATION", "PROVIDER_NEW_BOOKING");
    JsonObject confirmation = items.stream().map(JsonObject.class::cast)
        .filter(i -> i.getString("kind").equals("CONFIRMATION")).findFirst().orElseThrow();
    assertThat(confirmation.getString("state")).isEqualTo("SENT");
    assertThat(confirmation.getString("recipient")).isEqualTo("first-alice@example.com");
    assertThat(confirmation.getString("bookingId")).isEqualTo(alice.bookingId());

    JsonObject entry = expect(200, api.get("/api/v1/notifications/" + confirmation.getString("id"), alice.bearer()));
    JsonObject content = entry.getJsonObject("content");
    assertThat(content.getString("subject")).startsWith("Confirmed: One hour on ");
    assertThat(content.getString("text")).contains("/manage/" + alice.manageToken());
    assertThat(content.getString("html")).contains("Reschedule or cancel");
    assertThat(content.getString("icsMethod")).isEqualTo("REQUEST");
    assertThat(content.getString("ics")).contains("UID:" + alice.bookingId() + "@dovetail").contains("METHOD:REQUEST");

    JsonObject reminder = items.stream().map(JsonObject.class::cast)
        .filter(i -> i.getString("kind").equals("REMINDER")).findFirst().orElseThrow();
    assertThat(reminder.getString("state")).isEqualTo("PENDING");
    assertThat(expect(200, api.get("/api/v1/notifications/" + reminder.getString("id"), alice.bearer()))
        .getValue("content")).isNull();
  }

  @Test
  @DisplayName("notification figures count the caller's mail by state (sent, failed, pending), no other tenant's")
  void figuresCountTheCallersMailByState() {
    assertThat(expect(200, api.get("/api/v1/notification-figures", alice.bearer()))).isEqualTo(new JsonObject()
        .put("sent", 0).put("failed", 0).put("pending", 4).put("skipped", 0).put("delivery", "LOCAL_SINK"));
    RecordingMailer mailer = new RecordingMailer();
    mailer.refuse("first-alice@example.com");
    api.dispatcher(mailer).dispatchDue().await();
    JsonObject figures = expect(200, api.get("/api/v1/notification-figures", alice.session().auth()));
    assertThat(figures).isEqualTo(new JsonObject().put("sent", 1).put("failed", 1).put("pending", 2).put("skipped", 0)
        .put("delivery", "LOCAL_SINK"));

    ApiFixture.Tenant bob = api.tenant("bob");
    assertThat(expect(200, api.get("/api/v1/notification-figures", bob.bearer())).getInteger("pending"))
        .as("bob's own booking's mail only").isEqualTo(4);
    assertThat(expect(200, api.get("/api/v1/notification-figures", alice.bearer()))).isEqualTo(figures);
    expectProblem(401, api.get("/api/v1/notification-figures"));
  }

  @Test
  @DisplayName("a refused address is FAILED with the server's reason, visible in the list and in the detail")
  void refusedAddressIsVisible() {
    RecordingMailer mailer = new RecordingMailer();
    mailer.refuse("first-alice@example.com");
    api.dispatcher(mailer).dispatchDue().await();

    JsonArray items = expect(200, api.get("/api/v1/notifications", alice.session().auth())).getJsonArray("items");
    JsonObject failed = items.stream().map(JsonObject.class::cast)
        .filter(i -> i.getString("state").equals("FAILED")).findFirst().orElseThrow();
    assertThat(failed.getString("kind")).isEqualTo("CONFIRMATION");
    assertThat(failed.getString("lastError")).startsWith("550");
    assertThat(failed.getInteger("attempts")).isEqualTo(1);
    JsonObject entry = expect(200, api.get("/api/v1/notifications/" + failed.getString("id"), alice.bearer()));
    assertThat(entry.getJsonObject("notification").getString("state")).isEqualTo("FAILED");
  }

  @Test
  @DisplayName("pages walk every notification once; another tenant's notification is 404; bad cursor and limit are 400")
  void paginationAndTenantIsolation() {
    ApiFixture.Tenant bob = api.tenant("bob");
    Set<String> seen = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonObject page = expect(200, api.get("/api/v1/notifications?limit=1"
          + (cursor == null ? "" : "&cursor=" + cursor), alice.bearer()));
      page.getJsonArray("items").forEach(i -> assertThat(seen.add(((JsonObject) i).getString("id"))).isTrue());
      cursor = page.getString("nextCursor");
      pages++;
    } while (cursor != null && pages < 10);
    assertThat(seen).hasSize(4);

    String aliceMessage = seen.iterator().next();
    expectProblem(404, api.get("/api/v1/notifications/" + aliceMessage, bob.bearer()));
    expectProblem(404, api.get("/api/v1/notifications/0123456789abcdef0123456789abcdef", alice.bearer()));
    expectProblem(400, api.get("/api/v1/notifications?limit=0", alice.bearer()));
    expectProblem(400, api.get("/api/v1/notifications?cursor=bm90LWEtY3Vyc29y", alice.bearer()));
    expectProblem(401, api.get("/api/v1/notifications"));
  }

  @Test
  @DisplayName("booking types carry their reminder leads: default 24 h and 1 h, editable, [] for none")
  void bookingTypeReminders() {
    JsonObject type = expect(200, api.get("/api/v1/booking-types/" + alice.typeId(), alice.bearer()));
    assertThat(type.getJsonArray("remindersMinutes")).containsExactly(1440, 60);
    JsonObject update = type.copy();
    update.remove("id");
    update.put("remindersMinutes", new JsonArray().add(2880).add(15));
    JsonObject updated = expect(200, api.send(io.vertx.core.http.HttpMethod.PUT,
        "/api/v1/booking-types/" + alice.typeId(), alice.bearer(), update));
    assertThat(updated.getJsonArray("remindersMinutes")).containsExactly(2880, 15);
    update.put("remindersMinutes", new JsonArray());
    assertThat(expect(200, api.send(io.vertx.core.http.HttpMethod.PUT, "/api/v1/booking-types/" + alice.typeId(),
        alice.bearer(), update)).getJsonArray("remindersMinutes")).isEmpty();
    update.put("remindersMinutes", new JsonArray().add(1));
    expectProblem(400, api.send(io.vertx.core.http.HttpMethod.PUT, "/api/v1/booking-types/" + alice.typeId(),
        alice.bearer(), update));
  }

  @Test
  @DisplayName("resend confirmation: 202 and one more CONFIRMATION in the outbox, the same one within the minute, a new"
      + " one after it; a cancelled booking is 409, another tenant's 404")
  void resendConfirmation() {
    String resend = "/api/v1/bookings/" + alice.bookingId() + "/resend-confirmation";
    JsonObject queued = expect(202, api.post(resend, alice.bearer(), null));
    assertThat(queued.getString("kind")).isEqualTo("CONFIRMATION");
    assertThat(queued.getString("state")).isEqualTo("PENDING");
    assertThat(queued.getString("recipient")).isEqualTo("first-alice@example.com");
    assertThat(expect(202, api.post(resend, alice.bearer(), null)).getString("id")).as("a repeat within the minute")
        .isEqualTo(queued.getString("id"));
    assertThat(confirmations()).hasSize(2);
    api.clock.advance(java.time.Duration.ofMinutes(1));
    assertThat(expect(202, api.post(resend, alice.bearer(), null)).getString("id")).isNotEqualTo(queued.getString("id"));
    assertThat(confirmations()).hasSize(3);

    api.dispatcher(new StoreSinkMailer(api.mailSink, api.clock)).dispatchDue().await();
    JsonObject entry = expect(200, api.get("/api/v1/notifications/" + queued.getString("id"), alice.bearer()));
    assertThat(entry.getJsonObject("notification").getString("state")).isEqualTo("SENT");
    assertThat(entry.getJsonObject("content").getString("subject")).startsWith("Confirmed: One hour on ");

    expectProblem(404, api.post(resend, api.tenant("bob").bearer(), null));
    expect(200, api.post("/api/v1/bookings/" + alice.bookingId() + "/cancel", alice.bearer(), null));
    assertThat(expectProblem(409, api.post(resend, alice.bearer(), null)).getString("detail"))
        .contains("only a confirmed booking");
    assertThat(confirmations()).hasSize(3);
  }

  private List<dev.dovetail.notification.domain.OutboundMessage> confirmations() {
    return api.outbox.all().stream().filter(m -> m.bookingId().equals(alice.bookingId())
        && m.kind() == dev.dovetail.notification.domain.MessageKind.CONFIRMATION).toList();
  }
}
