package dev.dovetail.web;

import static dev.dovetail.web.ApiFixture.expect;
import static dev.dovetail.web.ApiFixture.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The notification log's two views (issue 18): "scheduled" is what will go out, soonest first, without the reminders
 * of a cancelled booking; "activity" is what happened; both name the customer and the booking's start; the figures
 * and a single entry say how this hub delivers mail (the fixture has no SMTP: the local sink).
 */
@ExtendWith(VertxExtension.class)
class NotificationViewsApiTest {

  private ApiFixture api;
  private ApiFixture.Tenant alice;

  @BeforeEach
  void tenant(Vertx vertx) {
    api = ApiFixture.start(vertx);
    alice = api.tenant("alice");
  }

  private JsonArray view(String view) {
    List<Object> all = new ArrayList<>();
    String cursor = null;
    do {
      JsonObject page = expect(200, api.get("/api/v1/notifications?limit=3&view=" + view
          + (cursor == null ? "" : "&cursor=" + cursor), alice.bearer()));
      all.addAll(page.getJsonArray("items").getList());
      cursor = page.getString("nextCursor");
    } while (cursor != null);
    return new JsonArray(all);
  }

  @Test
  @DisplayName("scheduled: pending mail soonest first, with the customer's name; a cancelled booking's reminders are "
      + "left out while its cancellation notice stays")
  void scheduledLeavesOutACancelledBookingsReminders() {
    JsonObject kept = expect(201, api.post("/api/v1/public/booking-types/" + alice.typeId() + "/bookings",
        new JsonObject().put("start", ApiFixture.mondayAt(14, 0).toString()).put("timeZone", "Europe/Berlin")
            .put("name", "Grace Hopper").put("email", "grace@example.com")));
    String keptId = kept.getJsonObject("booking").getString("id");
    JsonArray before = view("scheduled");
    assertThat(before.stream().map(o -> ((JsonObject) o).getString("bookingId")))
        .contains(alice.bookingId(), keptId);

    expect(200, api.post("/api/v1/bookings/" + alice.bookingId() + "/cancel", alice.bearer(), new JsonObject()));
    JsonArray scheduled = view("scheduled");
    List<JsonObject> items = scheduled.stream().map(o -> (JsonObject) o).toList();
    assertThat(items).noneMatch(n -> n.getString("bookingId").equals(alice.bookingId())
        && List.of("REMINDER", "CONFIRMATION", "PROVIDER_NEW_BOOKING").contains(n.getString("kind")));
    assertThat(items).anyMatch(n -> n.getString("bookingId").equals(alice.bookingId())
        && n.getString("kind").equals("CANCELLATION"));
    List<JsonObject> graceReminders = items.stream()
        .filter(n -> n.getString("bookingId").equals(keptId) && n.getString("kind").equals("REMINDER")).toList();
    assertThat(graceReminders).hasSize(2).allSatisfy(n -> {
      assertThat(n.getString("customerName")).isEqualTo("Grace Hopper");
      assertThat(n.getString("bookingStart")).isEqualTo(ApiFixture.mondayAt(14, 0).toString());
      assertThat(n.getString("state")).isEqualTo("PENDING");
    });
    List<Instant> due = items.stream().map(n -> Instant.parse(n.getString("dueAt"))).toList();
    assertThat(due).isSorted();
    assertThat(view("activity")).isEmpty();
    // The full log still lists the cancelled booking's reminders (they are skipped when due).
    assertThat(view("all").stream().map(o -> (JsonObject) o)).anyMatch(n ->
        n.getString("bookingId").equals(alice.bookingId()) && n.getString("kind").equals("REMINDER"));
  }

  @Test
  @DisplayName("activity: once mail went out it is listed latest first, and the log says mail is kept in the local sink")
  void activityAndDelivery() {
    api.dispatcher(new dev.dovetail.infra.mail.StoreSinkMailer(api.mailSink, api.clock)).dispatchDue().await();
    JsonArray activity = view("activity");
    assertThat(activity).isNotEmpty();
    List<JsonObject> items = activity.stream().map(o -> (JsonObject) o).toList();
    assertThat(items).allSatisfy(n -> assertThat(n.getString("state")).isNotEqualTo("PENDING"));
    assertThat(items).anyMatch(n -> n.getString("kind").equals("CONFIRMATION")
        && "Customer".equals(n.getString("customerName")) && "SENT".equals(n.getString("state")));
    List<Instant> due = items.stream().map(n -> Instant.parse(n.getString("dueAt"))).toList();
    assertThat(due).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(view("scheduled").stream().map(o -> ((JsonObject) o).getString("kind"))).containsOnly("REMINDER");

    assertThat(expect(200, api.get("/api/v1/notification-figures", alice.bearer())).getString("delivery"))
        .isEqualTo("LOCAL_SINK");
    String id = items.get(0).getString("id");
    assertThat(expect(200, api.get("/api/v1/notifications/" + id, alice.bearer())).getString("delivery"))
        .isEqualTo("LOCAL_SINK");
    expectProblem(400, api.get("/api/v1/notifications?view=later", alice.bearer()));
  }
}
