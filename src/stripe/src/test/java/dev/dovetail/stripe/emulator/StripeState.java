package dev.dovetail.stripe.emulator;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The emulated account's objects: payment intents (life cycle incl. manual capture and authorization expiry) and
 * refunds, on a controllable clock. Every method runs on the emulator's event loop. Errors are {@link StripeError}s.
 * Test payment methods follow Stripe's names: {@code pm_card_visa} succeeds, {@code pm_card_chargeDeclined} and
 * {@code pm_card_visa_chargeDeclinedInsufficientFunds} are declined, {@code pm_card_authenticationRequired} needs 3DS.
 * A 3DS confirmation leaves the intent in {@code requires_action} with Stripe's {@code next_action}: {@code
 * use_stripe_sdk} (Stripe.js shows the challenge) or, when the confirmation named a {@code return_url}, {@code
 * redirect_to_url}; the challenge page ({@code challengeUrl}) then completes it (succeeded, or requires_capture) or
 * fails it (back to requires_payment_method with {@code payment_intent_authentication_failure}).
 */
final class StripeState {

  /** How long a manual-capture authorization lasts (card-not-present, customer-initiated). */
  static final Duration AUTHORIZATION_VALIDITY = Duration.ofDays(7);

  private final Map<String, JsonObject> intents = new LinkedHashMap<>();
  private final Map<String, JsonObject> refunds = new LinkedHashMap<>();
  private final Consumer<JsonObject[]> events; // {type, object}
  private final Function<String, String> challengeUrl; // intent id -> its 3DS challenge page
  private final Clock base;
  private Duration offset = Duration.ZERO;
  private long sequence;

  /** {@code base} runs the clock (fixed for tests that move it by hand, the system clock for running hubs). */
  StripeState(Clock base, Consumer<JsonObject[]> events, Function<String, String> challengeUrl) {
    this.base = base;
    this.events = events;
    this.challengeUrl = challengeUrl;
  }

  Instant now() {
    return base.instant().plus(offset);
  }

  /** Moves the clock (never back) and expires authorizations that ran out. */
  void setNow(Instant instant) {
    Instant current = now();
    if (instant.isAfter(current)) {
      offset = offset.plus(Duration.between(current, instant));
    }
    expireAuthorizations();
  }

  /** Authorizations not captured before {@code capture_before} are canceled (funds released). */
  void expireAuthorizations() {
    Instant now = now();
    for (JsonObject pi : intents.values()) {
      Long before = pi.getLong("capture_before");
      if ("requires_capture".equals(pi.getString("status")) && before != null && now().getEpochSecond() >= before) {
        pi.put("status", "canceled").put("cancellation_reason", "automatic").put("amount_capturable", 0);
        emit("payment_intent.canceled", pi);
      }
    }
  }

  int intentCount() {
    return intents.size();
  }

  List<JsonObject> refundsOf(String intentId) {
    return refunds.values().stream().filter(r -> intentId.equals(r.getString("payment_intent"))).toList();
  }

  /**
   * Stripe's per-currency minimum charge in minor units (docs.stripe.com/currencies, "Minimum and maximum charge
   * amounts"); this emulator's own copy of Stripe's table, so that the hub's copy is checked against it.
   */
  private static final Map<String, Long> MINIMUM_CHARGE = Map.ofEntries(Map.entry("usd", 50L), Map.entry("aed", 200L),
      Map.entry("aud", 50L), Map.entry("bgn", 100L), Map.entry("brl", 50L), Map.entry("cad", 50L),
      Map.entry("chf", 50L), Map.entry("czk", 1_500L), Map.entry("dkk", 250L), Map.entry("eur", 50L),
      Map.entry("gbp", 30L), Map.entry("hkd", 400L), Map.entry("huf", 17_500L), Map.entry("inr", 50L),
      Map.entry("jpy", 50L), Map.entry("mxn", 1_000L), Map.entry("myr", 200L), Map.entry("nok", 300L),
      Map.entry("nzd", 50L), Map.entry("pln", 200L), Map.entry("ron", 200L), Map.entry("sek", 300L),
      Map.entry("sgd", 50L), Map.entry("thb", 1_000L));
  private static final long MAXIMUM_CHARGE = 99_999_999L;

  private static void requireChargeable(long amount, String currency) {
    Long minimum = MINIMUM_CHARGE.get(currency);
    if (minimum != null && amount < minimum) {
      throw StripeError.invalid("amount", "Amount must be at least " + minimum + " minor units of " + currency)
          .code("amount_too_small");
    }
    if (amount > MAXIMUM_CHARGE) {
      throw StripeError.invalid("amount", "Amount must be no more than " + MAXIMUM_CHARGE + " minor units of "
          + currency).code("amount_too_large");
    }
  }

  JsonObject createIntent(MultiMap p) {
    long amount = positiveLong(p, "amount");
    String currency = required(p, "currency").toLowerCase();
    requireChargeable(amount, currency);
    String capture = p.get("capture_method") == null ? "automatic_async" : p.get("capture_method");
    if (!List.of("automatic", "automatic_async", "manual").contains(capture)) {
      throw StripeError.invalid("capture_method", "Invalid capture_method: " + capture);
    }
    String id = next("pi");
    JsonObject metadata = new JsonObject();
    p.names().stream().filter(n -> n.startsWith("metadata[")).forEach(n ->
        metadata.put(n.substring("metadata[".length(), n.length() - 1), p.get(n)));
    JsonObject pi = new JsonObject()
        .put("id", id).put("object", "payment_intent").put("amount", amount).put("amount_capturable", 0)
        .put("amount_received", 0).put("currency", currency).put("capture_method", capture)
        .put("client_secret", id + "_secret_" + Long.toHexString(Double.doubleToLongBits(Math.random())))
        .put("created", now().getEpochSecond()).put("livemode", false).put("metadata", metadata)
        .put("status", "requires_payment_method").putNull("latest_charge").putNull("cancellation_reason")
        .putNull("last_payment_error").putNull("payment_method").putNull("next_action")
        .put("description", p.get("description"));
    intents.put(id, pi);
    emit("payment_intent.created", pi);
    if ("true".equals(p.get("confirm"))) {
      return confirm(id, p);
    }
    return pi;
  }

  /** The intent if it waits for its 3DS challenge, else null. */
  JsonObject waitingForChallenge(String id) {
    JsonObject pi = intents.get(id);
    return pi != null && "requires_action".equals(pi.getString("status")) ? pi : null;
  }

  JsonObject intent(String id) {
    JsonObject pi = intents.get(id);
    if (pi == null) {
      throw new StripeError(404, "invalid_request_error", "resource_missing", "No such payment_intent: '" + id + "'",
          "intent");
    }
    return pi;
  }

  JsonObject confirm(String id, MultiMap p) {
    JsonObject pi = intent(id);
    String status = pi.getString("status");
    if (!status.equals("requires_payment_method") && !status.equals("requires_confirmation")
        && !status.equals("requires_action")) {
      throw unexpected(pi, "confirm");
    }
    pi.putNull("next_action");
    String method = p.get("payment_method") != null ? p.get("payment_method") : pi.getString("payment_method");
    if (method == null) {
      throw StripeError.invalid("payment_method", "You must provide a payment_method to confirm this PaymentIntent.");
    }
    pi.put("payment_method", method);
    switch (method) {
      case "pm_card_chargeDeclined", "pm_card_visa_chargeDeclinedInsufficientFunds" -> {
        String decline = method.endsWith("InsufficientFunds") ? "insufficient_funds" : "generic_decline";
        JsonObject error = new JsonObject().put("type", "card_error").put("code", "card_declined")
            .put("decline_code", decline).put("message", "Your card was declined.");
        pi.put("status", "requires_payment_method").put("last_payment_error", error).putNull("payment_method");
        emit("payment_intent.payment_failed", pi);
        throw new StripeError(402, "card_error", "card_declined", "Your card was declined.", null)
            .with("decline_code", decline).with("payment_intent", pi.copy());
      }
      case "pm_card_authenticationRequired" -> {
        String returnUrl = p.get("return_url");
        JsonObject next = returnUrl == null
            ? new JsonObject().put("type", "use_stripe_sdk").put("use_stripe_sdk", new JsonObject()
                .put("type", "three_d_secure_redirect").put("stripe_js", challengeUrl.apply(id))
                .put("source", next("src")))
            : new JsonObject().put("type", "redirect_to_url").put("redirect_to_url", new JsonObject()
                .put("url", challengeUrl.apply(id)).put("return_url", returnUrl));
        pi.putNull("last_payment_error").put("status", "requires_action").put("next_action", next);
        emit("payment_intent.requires_action", pi);
        return pi;
      }
      case "pm_card_visa", "pm_card_mastercard" -> {
        return authorize(pi);
      }
      default -> throw new StripeError(400, "invalid_request_error", "resource_missing",
          "No such PaymentMethod: '" + method + "'", "payment_method");
    }
  }

  private JsonObject authorize(JsonObject pi) {
    pi.putNull("last_payment_error").putNull("next_action").put("latest_charge", next("ch"));
    if ("manual".equals(pi.getString("capture_method"))) {
      pi.put("status", "requires_capture").put("amount_capturable", pi.getLong("amount"))
          .put("capture_before", now().plus(AUTHORIZATION_VALIDITY).getEpochSecond());
      emit("payment_intent.amount_capturable_updated", pi);
    } else {
      pi.put("status", "succeeded").put("amount_received", pi.getLong("amount"));
      emit("payment_intent.succeeded", pi);
    }
    return pi;
  }

  /**
   * The customer's answer on the 3DS challenge page: {@code passed} authorizes the intent like a card that needs no
   * check; otherwise it goes back to requires_payment_method with Stripe's authentication failure, and {@code
   * payment_intent.payment_failed} is sent. Only an intent waiting for its challenge can be answered.
   */
  JsonObject authenticate(String id, boolean passed) {
    JsonObject pi = intent(id);
    if (!"requires_action".equals(pi.getString("status"))) {
      throw unexpected(pi, "authenticate");
    }
    if (passed) {
      return authorize(pi);
    }
    JsonObject error = new JsonObject().put("type", "invalid_request_error")
        .put("code", "payment_intent_authentication_failure")
        .put("message", "The provided PaymentMethod has failed authentication. You can provide payment_method_data or"
            + " a new PaymentMethod to attempt to fulfill this PaymentIntent again.")
        .put("payment_method", new JsonObject().put("id", pi.getString("payment_method")));
    pi.put("status", "requires_payment_method").put("last_payment_error", error).putNull("payment_method")
        .putNull("next_action");
    emit("payment_intent.payment_failed", pi);
    return pi;
  }

  JsonObject capture(String id, MultiMap p) {
    JsonObject pi = intent(id);
    if (!"requires_capture".equals(pi.getString("status"))) {
      throw unexpected(pi, "capture");
    }
    long capturable = pi.getLong("amount_capturable");
    long amount = p.get("amount_to_capture") == null ? capturable : positiveLong(p, "amount_to_capture");
    if (amount > capturable) {
      throw StripeError.invalid("amount_to_capture", "The amount to capture (" + amount
          + ") is greater than the amount capturable (" + capturable + ").").code("amount_too_large");
    }
    pi.put("status", "succeeded").put("amount_received", amount).put("amount_capturable", 0);
    emit("payment_intent.succeeded", pi);
    return pi;
  }

  JsonObject cancel(String id, MultiMap p) {
    JsonObject pi = intent(id);
    String status = pi.getString("status");
    if (status.equals("succeeded") || status.equals("canceled") || status.equals("processing")) {
      throw unexpected(pi, "cancel");
    }
    pi.put("status", "canceled").put("amount_capturable", 0)
        .put("cancellation_reason", p.get("cancellation_reason") == null ? "requested_by_customer"
            : p.get("cancellation_reason"));
    emit("payment_intent.canceled", pi);
    return pi;
  }

  JsonObject refund(MultiMap p) {
    String intentId = required(p, "payment_intent");
    JsonObject pi = intent(intentId);
    if (!"succeeded".equals(pi.getString("status"))) {
      throw StripeError.invalid("payment_intent", "This PaymentIntent (" + intentId + ") does not have a successful "
          + "charge to refund.").code("charge_not_refundable");
    }
    long refunded = refundsOf(intentId).stream().mapToLong(r -> r.getLong("amount")).sum();
    long left = pi.getLong("amount_received") - refunded;
    long amount = p.get("amount") == null ? left : positiveLong(p, "amount");
    if (left == 0) {
      throw StripeError.invalid("payment_intent", "Charge " + pi.getString("latest_charge")
          + " has already been refunded.").code("charge_already_refunded");
    }
    if (amount > left) {
      throw StripeError.invalid("amount", "Refund amount (" + amount + ") is greater than unrefunded amount on charge ("
          + left + ")").code("amount_too_large");
    }
    JsonObject refund = new JsonObject().put("id", next("re")).put("object", "refund").put("amount", amount)
        .put("currency", pi.getString("currency")).put("payment_intent", intentId)
        .put("charge", pi.getString("latest_charge")).put("status", "succeeded")
        .put("created", now().getEpochSecond()).put("reason", p.get("reason"));
    refunds.put(refund.getString("id"), refund);
    JsonObject charge = new JsonObject().put("id", pi.getString("latest_charge")).put("object", "charge")
        .put("amount", pi.getLong("amount_received")).put("amount_refunded", refunded + amount)
        .put("currency", pi.getString("currency")).put("payment_intent", intentId)
        .put("refunded", refunded + amount == pi.getLong("amount_received"));
    emit("charge.refunded", charge);
    return refund;
  }

  private void emit(String type, JsonObject object) {
    events.accept(new JsonObject[] {new JsonObject().put("type", type), object.copy()});
  }

  private String next(String prefix) {
    sequence++;
    return prefix + "_emu" + String.format("%08d", sequence);
  }

  private static StripeError unexpected(JsonObject pi, String action) {
    return new StripeError(400, "invalid_request_error", "payment_intent_unexpected_state",
        "You cannot " + action + " this PaymentIntent because it has a status of " + pi.getString("status") + ".",
        null).with("payment_intent", pi.copy());
  }

  private static String required(MultiMap p, String name) {
    String value = p.get(name);
    if (value == null || value.isBlank()) {
      throw StripeError.invalid(name, "Missing required param: " + name + ".").code("parameter_missing");
    }
    return value;
  }

  private static long positiveLong(MultiMap p, String name) {
    try {
      long value = Long.parseLong(required(p, name));
      if (value < 1) {
        throw StripeError.invalid(name, "This value must be greater than or equal to 1.");
      }
      return value;
    } catch (NumberFormatException e) {
      throw StripeError.invalid(name, "Invalid integer: " + p.get(name));
    }
  }

  List<JsonObject> allIntents() {
    return new ArrayList<>(intents.values());
  }
}
