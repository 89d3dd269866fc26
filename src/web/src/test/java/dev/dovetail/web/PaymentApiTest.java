package dev.dovetail.web;

import static dev.dovetail.web.ApiFixture.expect;
import static dev.dovetail.web.ApiFixture.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Money;
import dev.dovetail.payment.domain.Payment;
import dev.dovetail.web.catalog.BookingTypeCodec;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
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

  /**
   * A type of alice's that takes {@code payment} of {@code priceMinor} {@code currency}, bookable {@code horizonDays}.
   * This hub takes no card payments, so the API refuses such a type (409, {@link #noCardPaymentsNoPaidTypes}); it is
   * stored through the catalog use case, as a type saved while the hub had Stripe.
   */
  private String paidType(String id, String payment, long priceMinor, String currency, int horizonDays) {
    api.catalog.createBookingType(alice.handle(), BookingTypeCodec.fromJson(alice.handle(), null, paidTypeJson(id,
        payment, priceMinor, currency).put("horizonDays", horizonDays))).await();
    return "/api/v1/booking-types/" + id + "/payment-settings";
  }

  private JsonObject paidTypeJson(String id, String payment, long priceMinor, String currency) {
    return new JsonObject().put("id", id).put("resourceId", alice.resourceId()).put("name", id)
        .put("durationsMinutes", new JsonArray().add(60))
        .put("price", new JsonObject().put("amountMinor", priceMinor).put("currency", currency))
        .put("payment", payment);
  }

  @Test
  @DisplayName("a hub without card payments: /me says so; a type taking payment online is refused (409 with the reason,"
      + " nothing saved), also when it has it already; its booking page does not advertise online payment")
  void noCardPaymentsNoPaidTypes() {
    assertThat(expect(200, api.get("/api/v1/me", alice.bearer())).getBoolean("cardPayments")).isFalse();
    for (String payment : List.of("DEPOSIT", "FULL")) {
      JsonObject refused = expectProblem(409, api.post("/api/v1/booking-types", alice.bearer(),
          paidTypeJson("paid-" + payment.toLowerCase(), payment, 2_500, "EUR")));
      assertThat(refused.getString("detail")).contains("this hub takes no card payments").contains("payment NONE");
      expectProblem(404, api.get("/api/v1/booking-types/paid-" + payment.toLowerCase(), alice.bearer()));
    }
    JsonObject before = expect(200, api.get("/api/v1/booking-types/" + alice.typeId(), alice.bearer()));
    JsonObject paid = before.copy().put("payment", "DEPOSIT")
        .put("price", new JsonObject().put("amountMinor", 2_500).put("currency", "EUR"));
    paid.remove("id");
    assertThat(expectProblem(409, api.send(HttpMethod.PUT, "/api/v1/booking-types/" + alice.typeId(), alice.bearer(),
        paid)).getString("detail")).contains("no card payments");
    assertThat(expect(200, api.get("/api/v1/booking-types/" + alice.typeId(), alice.bearer())))
        .as("nothing half-written").isEqualTo(before);
    expect(201, api.post("/api/v1/booking-types", alice.bearer(),
        paidTypeJson("on-site", "NONE", 2_500, "EUR")));

    paidType("kept-deposit", "DEPOSIT", 2_500, "EUR", 30);
    JsonObject kept = expect(200, api.get("/api/v1/booking-types/kept-deposit", alice.bearer()));
    kept.remove("id");
    expectProblem(409, api.send(HttpMethod.PUT, "/api/v1/booking-types/kept-deposit", alice.bearer(),
        kept.copy().put("name", "renamed")));
    expect(200, api.send(HttpMethod.PUT, "/api/v1/booking-types/kept-deposit", alice.bearer(),
        kept.copy().put("payment", "NONE")));
    paidType("kept-full", "FULL", 2_500, "EUR", 30);
    JsonObject offer = expect(200, api.get("/api/v1/public/booking-types/kept-full"));
    assertThat(offer.getString("payment")).as("online payment is not advertised").isEqualTo("NONE");
    assertThat(offer.getBoolean("bookableOnline")).isFalse();
    assertThat(offer.getJsonObject("price").getLong("amountMinor")).isEqualTo(2_500);
    JsonObject onSite = expect(200, api.get("/api/v1/public/booking-types/on-site"));
    assertThat(onSite.getString("payment")).isEqualTo("NONE");
    assertThat(onSite.getBoolean("bookableOnline")).isTrue();
    String page = api.get("/book/" + alice.handle() + "/kept-full").bodyAsString();
    assertThat(page).contains("€25.00").doesNotContain("paid online").doesNotContain("deposit online")
        .contains("data-closed=\"Booking this appointment needs a card payment, which cannot be taken here");
    assertThat(api.get("/book/" + alice.handle() + "/on-site").bodyAsString()).contains("paid on site")
        .contains("data-closed=\"\"");
    assertThat(api.get("/book/" + alice.handle()).bodyAsString()).doesNotContain("paid online");
  }

  private String refused(String path, JsonObject settings) {
    return expectProblem(400, api.send(io.vertx.core.http.HttpMethod.PUT, path, alice.bearer(), settings))
        .getString("detail");
  }

  @Test
  @DisplayName("payment settings: a deposit (fixed, or a percentage of the price) or a full price outside Stripe's"
      + " per-currency charge limits is a 400 naming the minimum or maximum; nothing is saved")
  void chargeLimits() {
    String deposit = paidType("deposit-3", "DEPOSIT", 3_000, "EUR", 30);
    assertThat(refused(deposit, new JsonObject().put("depositAmountMinor", 1).put("manualCapture", false)))
        .contains("the deposit is 0.01 EUR").contains("minimum charge for EUR of 0.50 EUR (50 minor units)");
    assertThat(refused(deposit, new JsonObject().put("depositPercent", 1).put("manualCapture", false)))
        .contains("the deposit (1 % of the price) is 0.30 EUR").contains("0.50 EUR");
    assertThat(expect(200, api.get(deposit, alice.bearer()))).as("nothing saved")
        .isEqualTo(new JsonObject().put("manualCapture", false).put("onPaymentFailure", "RELEASE"));
    expect(200, api.send(io.vertx.core.http.HttpMethod.PUT, deposit, alice.bearer(),
        new JsonObject().put("depositPercent", 2).put("manualCapture", false)));
    expect(200, api.send(io.vertx.core.http.HttpMethod.PUT, deposit, alice.bearer(),
        new JsonObject().put("depositAmountMinor", 50).put("manualCapture", false)));

    assertThat(refused(paidType("gbp-29", "FULL", 29, "GBP", 30), new JsonObject().put("manualCapture", false)))
        .contains("the price is 0.29 GBP").contains("0.30 GBP");
    expect(200, api.send(io.vertx.core.http.HttpMethod.PUT, paidType("gbp-30", "FULL", 30, "GBP", 30), alice.bearer(),
        new JsonObject().put("manualCapture", false)));
    assertThat(refused(paidType("jpy-49", "FULL", 49, "JPY", 30), new JsonObject().put("manualCapture", false)))
        .contains("minimum charge for JPY of 50 JPY");
    assertThat(refused(paidType("eur-max", "FULL", 100_000_000, "EUR", 30), new JsonObject()
        .put("manualCapture", false))).contains("from 1 to 99999999 minor units");
  }

  @Test
  @DisplayName("payment settings: manual capture for a type bookable more than 6 days ahead is a 400 (Stripe drops an"
      + " authorization after 7 days); at 6 days it is saved")
  void manualCaptureHorizon() {
    assertThat(refused(paidType("month", "FULL", 5_000, "EUR", 30), new JsonObject().put("manualCapture", true)))
        .contains("manual capture needs a booking horizon of at most 6 days (this type's: 30 days)");
    assertThat(refused(paidType("week", "FULL", 5_000, "EUR", 7), new JsonObject().put("manualCapture", true)))
        .contains("(this type's: 7 days)");
    assertThat(expect(200, api.send(io.vertx.core.http.HttpMethod.PUT, paidType("six-days", "FULL", 5_000, "EUR", 6),
        alice.bearer(), new JsonObject().put("manualCapture", true))).getBoolean("manualCapture")).isTrue();
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

  @Test
  @DisplayName("refund: bad totals are 400 and an unpaid, authorized or another tenant's booking is refused, nothing"
      + " written; the total already refunded is a no-op (200); a refund without Stripe is 503")
  void refundInput() {
    String refund = "/api/v1/bookings/" + alice.bookingId() + "/refund";
    assertThat(expectProblem(409, api.post(refund, alice.bearer(), new JsonObject())).getString("detail"))
        .contains("has no payment");
    Payment authorized = Payment.awaiting(alice.bookingId(), alice.handle(), new Money(4_000, "EUR"), true,
        api.clock.instant()).withIntent("pi_test", api.clock.instant()).authorized(api.clock.instant());
    api.payments.insert(authorized).await();
    assertThat(expectProblem(409, api.post(refund, alice.bearer(), null)).getString("detail"))
        .contains("capture the payment first");
    api.payments.update(authorized.paid(4_000, api.clock.instant()).asSuccessorOf(authorized)).await();
    Payment paid = api.payments.find(alice.bookingId()).await().orElseThrow();
    for (JsonObject bad : List.of(new JsonObject().put("refundedMinor", 4_001), new JsonObject().put("refundedMinor", -1),
        new JsonObject().put("refundedMinor", "all"), new JsonObject().put("refundedMinor", 1_000_000_000),
        new JsonObject().put("amountMinor", 100))) {
      expectProblem(400, api.post(refund, alice.bearer(), bad));
    }
    JsonObject unchanged = expect(200, api.post(refund, alice.bearer(), new JsonObject().put("refundedMinor", 0)));
    assertThat(unchanged.getJsonObject("payment").getJsonObject("refunded").getLong("amountMinor")).isZero();
    assertThat(expectProblem(503, api.post(refund, alice.bearer(), new JsonObject().put("refundedMinor", 1_000)))
        .getString("type")).endsWith("payments-unavailable");
    expectProblem(404, api.post(refund, api.tenant("bob").bearer(), null));
    assertThat(api.payments.find(alice.bookingId()).await().orElseThrow()).as("nothing half-written").isEqualTo(paid);
  }
}
