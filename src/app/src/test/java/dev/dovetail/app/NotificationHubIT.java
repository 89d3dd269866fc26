package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real hub with its embedded defaults (no SMTP host): a booking made over HTTP is confirmed by mail within moments
 * (the dispatcher runs right after a change is recorded), kept in the local sink, and readable by the provider.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@DisplayName("A hub wires notifications: booking over HTTP, confirmation in the local sink, provider reads it")
class NotificationHubIT {


  @RegisterExtension
  static final HubExtension HUB = HubExtension.builder().build();

  private Hub hub;
  private WebClient client;

  @BeforeAll
  void startHub() {
    hub = HUB.hub();
    client = HUB.client();
  }

  @Test
  @DisplayName("the confirmation is SENT to the sink soon after the 201, with the manage link and an .ics")
  void bookingIsConfirmedIntoTheSink() {
    int port = hub.httpPort();
    List<String> starts = HUB.freeStarts("demo-30");
    HttpResponse<Buffer> booked = HubFixture.book(client, port, "demo-30", starts.get(0), "mailme@example.com").await();
    assertThat(booked.statusCode()).as(booked.bodyAsString()).isEqualTo(201);
    String bookingId = booked.bodyAsJsonObject().getJsonObject("booking").getString("id");
    String manageToken = booked.bodyAsJsonObject().getString("manageToken");

    String cookie = DemoSession.login(client, port).cookie();

    JsonObject confirmation = sentConfirmation(port, cookie, bookingId, 40).await();
    assertThat(confirmation.getString("recipient")).isEqualTo("mailme@example.com");
    JsonObject entry = client.get(port, "127.0.0.1", "/api/v1/notifications/" + confirmation.getString("id"))
        .putHeader("Cookie", cookie).send().await().bodyAsJsonObject();
    JsonObject content = entry.getJsonObject("content");
    assertThat(content.getString("subject")).startsWith("Confirmed: ");
    assertThat(content.getString("text")).contains("http://127.0.0.1/manage/" + manageToken);
    assertThat(content.getString("ics")).contains("UID:" + bookingId + "@dovetail").contains("METHOD:REQUEST");
  }

  /** Polls the provider's list every 100 ms (a Vert.x timer, no sleeping thread) until the confirmation is SENT. */
  private Future<JsonObject> sentConfirmation(int port, String cookie, String bookingId, int triesLeft) {
    return client.get(port, "127.0.0.1", "/api/v1/notifications?limit=200").putHeader("Cookie", cookie).send()
        .compose(response -> {
          JsonArray items = response.bodyAsJsonObject().getJsonArray("items");
          JsonObject found = items.stream().map(JsonObject.class::cast)
              .filter(i -> i.getString("bookingId").equals(bookingId) && i.getString("kind").equals("CONFIRMATION")
                  && i.getString("state").equals("SENT"))
              .findFirst().orElse(null);
          if (found != null) {
            return Future.succeededFuture(found);
          }
          if (triesLeft == 0) {
            return Future.failedFuture(new AssertionError("no SENT confirmation in " + items.encodePrettily()));
          }
          return HUB.clientVertx().timer(100).compose(t -> sentConfirmation(port, cookie, bookingId, triesLeft - 1));
        });
  }
}
