package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A hub without a Stripe key refuses what it could not charge (split from {@link PaymentHubIT}, which has one). */
@DisplayName("A hub without Stripe")
class PaymentWithoutStripeHubIT {

  @RegisterExtension
  static final HubExtension HUB = HubExtension.builder().build();

  @Test
  @DisplayName("without a Stripe key, a type that takes payment online is refused when saved (409), nothing stored")
  void paidTypeWithoutStripeIsRefused() {
    DemoSession demo = DemoSession.login(HUB.client(), HUB.port());
    HttpResponse<Buffer> refused = demo.send("POST", "/api/v1/booking-types", new JsonObject()
        .put("id", "paid-full").put("resourceId", "demo-room").put("name", "Prepaid")
        .put("durationsMinutes", new JsonArray().add(30))
        .put("price", new JsonObject().put("amountMinor", 9_000).put("currency", "EUR"))
        .put("payment", "FULL"));
    assertThat(refused.statusCode()).as(refused.bodyAsString()).isEqualTo(409);
    assertThat(refused.bodyAsJsonObject().getString("detail")).contains("card payments");
    assertThat(demo.send("GET", "/api/v1/booking-types/paid-full", null).statusCode()).isEqualTo(404);
  }
}
