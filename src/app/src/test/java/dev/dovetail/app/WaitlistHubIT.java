package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The waitlist as a hub wires it, over HTTP with the real clock and the local mail sink: a cancellation reaches the
 * waiting customer as an offer mail within moments (trigger, match, dispatcher), and the offer's claim link still books
 * after the hub was restarted on the same store.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@DisplayName("A hub wires the waitlist: cancellation -> offer mail in the sink -> restart -> claim by its link")
class WaitlistHubIT {

  private static final Pattern CLAIM = Pattern.compile("http://127\\.0\\.0\\.1/waitlist/claim/(\\S+)");

  @RegisterExtension
  static final HubExtension HUB = HubExtension.builder().storeOnDisk().build();

  private static String login(WebClient client, int port) {
    return DemoSession.login(client, port).cookie();
  }

  /** Polls the provider's notifications until the offer mail to {@code email} is SENT; returns its text. */
  private static String offerMailText(Vertx vertx, WebClient client, int port, String cookie, String email) {
    for (int tries = 0; tries < 150; tries++) {
      JsonObject page = client.get(port, "127.0.0.1", "/api/v1/notifications?limit=200").putHeader("Cookie", cookie)
          .send().await().bodyAsJsonObject();
      JsonObject offer = page.getJsonArray("items").stream().map(JsonObject.class::cast)
          .filter(i -> i.getString("kind").equals("WAITLIST_OFFER") && i.getString("recipient").equals(email)
              && i.getString("state").equals("SENT"))
          .findFirst().orElse(null);
      if (offer != null) {
        return client.get(port, "127.0.0.1", "/api/v1/notifications/" + offer.getString("id"))
            .putHeader("Cookie", cookie).send().await().bodyAsJsonObject().getJsonObject("content").getString("text");
      }
      vertx.timer(100).await();
    }
    throw new AssertionError("no offer mail to " + email + " was sent");
  }

  @Test
  @DisplayName("the offer mail is sent within moments of the cancellation, and its link books after a restart")
  void cancellationOfferRestartClaim() {
    Vertx clientVertx = HUB.clientVertx();
    WebClient client = HUB.client();
    int port = HUB.port();
    String start = HUB.freeStarts("demo-60").get(0);
    HttpResponse<Buffer> booked = HubFixture.book(client, port, "demo-60", start, "alice@example.com").await();
    assertThat(booked.statusCode()).as(booked.bodyAsString()).isEqualTo(201);
    HttpResponse<Buffer> joined = client.post(port, "127.0.0.1", "/api/v1/public/booking-types/demo-60/waitlist")
        .sendJsonObject(new JsonObject().put("name", "Carol").put("email", "carol@example.com")
            .put("timeZone", "America/New_York").put("start", start)).await();
    assertThat(joined.statusCode()).as(joined.bodyAsString()).isEqualTo(201);

    HttpResponse<Buffer> cancelled = client.post(port, "127.0.0.1", "/api/v1/public/bookings/"
        + booked.bodyAsJsonObject().getString("manageToken") + "/cancel").send().await();
    assertThat(cancelled.statusCode()).isEqualTo(200);
    String text = offerMailText(clientVertx, client, port, login(client, port), "carol@example.com");
    Matcher link = CLAIM.matcher(text);
    assertThat(link.find()).as(text).isTrue();
    String claimToken = link.group(1);

    HUB.restart();

    assertThat(client.get(port, "127.0.0.1", "/waitlist/claim/" + claimToken).send().await().statusCode())
        .isEqualTo(200);
    HttpResponse<Buffer> claimed = client.post(port, "127.0.0.1", "/api/v1/public/waitlist/claim/" + claimToken)
        .send().await();
    assertThat(claimed.statusCode()).as(claimed.bodyAsString()).isEqualTo(201);
    assertThat(claimed.bodyAsJsonObject().getJsonObject("booking").getString("status")).isEqualTo("CONFIRMED");
    JsonObject report = client.get(port, "127.0.0.1", "/api/v1/waitlist/report")
        .putHeader("Cookie", login(client, port)).send().await().bodyAsJsonObject();
    assertThat(report.getInteger("recoveredBookings")).isEqualTo(1);
  }
}
