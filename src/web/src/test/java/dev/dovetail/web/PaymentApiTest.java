package dev.dovetail.web;

import static dev.dovetail.web.ApiFixture.expect;
import static dev.dovetail.web.ApiFixture.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Money;
import dev.dovetail.payment.domain.Payment;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Payments over HTTP on a hub without Stripe: settings are kept, every API that shows a booking shows its payment,
 * paying answers 503, the refund quote follows the policy. (Paying through Stripe: PaymentHubIT in src/app.)
 */
@ExtendWith(VertxExtension.class)
@DisplayName("API: payments")
class PaymentApiTest {

  private ApiFixture api;
  private ApiFixture.Tenant alice;

  @BeforeEach
  void tenant(Vertx vertx) {
    api = ApiFixture.start(vertx);
    alice = api.tenant("alice");
  }

  @Test
  @DisplayName("payment settings: defaults (RELEASE on failure), saved, both deposit kinds at once or an unknown failure"
      + " policy refused (400), another tenant's 404")
  void settings() {
    String path = "/api/v1/booking-types/" + alice.typeId() + "/payment-settings";
    assertThat(expect(200, api.get(path, alice.bearer()))).isEqualTo(new JsonObject().put("manualCapture", false)
        .put("onPaymentFailure", "RELEASE"));
    JsonObject saved = expect(200, api.send(io.vertx.core.http.HttpMethod.PUT, path, alice.bearer(),
        new JsonObject().put("depositAmountMinor", 1_500).put("manualCapture", true)
            .put("onPaymentFailure", "RETRY_UNTIL_HOLD_EXPIRES")));
    assertThat(saved).isEqualTo(new JsonObject().put("manualCapture", true).put("depositAmountMinor", 1_500)
        .put("onPaymentFailure", "RETRY_UNTIL_HOLD_EXPIRES"));
    assertThat(expect(200, api.get(path, alice.bearer()))).isEqualTo(saved);
    expectProblem(400, api.send(io.vertx.core.http.HttpMethod.PUT, path, alice.bearer(), new JsonObject().put("depositAmountMinor", 1_500)
        .put("depositPercent", 10).put("manualCapture", false)));
    expectProblem(400, api.send(io.vertx.core.http.HttpMethod.PUT, path, alice.bearer(), new JsonObject().put("depositPercent", 101)
        .put("manualCapture", false)));
    expectProblem(400, api.send(io.vertx.core.http.HttpMethod.PUT, path, alice.bearer(), new JsonObject()
        .put("manualCapture", false).put("onPaymentFailure", "GIVE_UP")));
    assertThat(expect(200, api.get(path, alice.bearer()))).as("nothing half-written").isEqualTo(saved);
    ApiFixture.Tenant bob = api.tenant("bob");
    expectProblem(404, api.get(path, bob.bearer()));
  }

  @Test
  @DisplayName("the provider's list and detail and the customer's manage view carry the booking's payment")
  void bookingViewsCarryThePayment() {
    String booking = "/api/v1/public/bookings/" + alice.manageToken();
    assertThat(expect(200, api.get(booking)).getJsonObject("booking").getValue("payment")).isNull();
    Payment paid = Payment.awaiting(alice.bookingId(), alice.handle(), new Money(4_000, "EUR"), false,
        api.clock.instant()).withIntent("pi_test", api.clock.instant()).paid(4_000, api.clock.instant());
    api.payments.insert(paid).await();

    JsonObject expected = new JsonObject().put("state", "PAID")
        .put("amount", new JsonObject().put("amountMinor", 4_000).put("currency", "EUR"));
    JsonObject shown = expect(200, api.get(booking)).getJsonObject("booking").getJsonObject("payment");
    assertThat(shown.getString("state")).isEqualTo("PAID");
    assertThat(shown.getJsonObject("amount")).isEqualTo(expected.getJsonObject("amount"));
    assertThat(expect(200, api.get("/api/v1/bookings/" + alice.bookingId(), alice.bearer()))
        .getJsonObject("booking").getJsonObject("payment").getString("state")).isEqualTo("PAID");
    JsonObject listed = expect(200, api.get("/api/v1/bookings", alice.bearer())).getJsonArray("items").stream()
        .map(JsonObject.class::cast).filter(b -> b.getString("id").equals(alice.bookingId())).findFirst()
        .orElseThrow();
    assertThat(listed.getJsonObject("payment").getJsonObject("captured").getLong("amountMinor")).isEqualTo(4_000);
    assertThat(expect(200, api.get("/api/v1/bookings/" + alice.bookingId() + "/payment", alice.bearer()))
        .getJsonObject("payment").getString("state")).isEqualTo("PAID");

    JsonObject view = expect(200, api.get(booking + "/payment"));
    assertThat(view.getJsonObject("refundIfCancelledNow").getJsonObject("paid").getLong("amountMinor"))
        .isEqualTo(4_000);
    assertThat(expectProblem(503, api.post(booking + "/payment", null)).getString("type"))
        .endsWith("payments-unavailable");
  }
}
