package dev.dovetail.infra.mongo;

import static dev.dovetail.infra.mongo.MongoSupport.putInstant;
import static dev.dovetail.infra.mongo.MongoSupport.requiredInstant;

import dev.dovetail.booking.domain.Money;
import dev.dovetail.payment.domain.DepositRule;
import dev.dovetail.payment.domain.Owed;
import dev.dovetail.payment.domain.Payment;
import dev.dovetail.payment.domain.PaymentFailurePolicy;
import dev.dovetail.payment.domain.PaymentSettings;
import dev.dovetail.payment.domain.PaymentState;
import io.vertx.core.json.JsonObject;

/**
 * Payments as {@code {_id: bookingId, providerId, amount: {minorUnits, currency}, manualCapture, intentId, state,
 * captured, refunded, owed, owedMinor, noShow, revision, createdAt, updatedAt}} and payment settings as {@code {_id:
 * bookingTypeId, providerId, deposit: {kind, value} | absent, manualCapture,
 * onPaymentFailure (absent: RELEASE)}}. Money in integer minor units; instants
 * in epoch milliseconds.
 */
final class PaymentCodec {

  /** The name {@code revision} had before ADR 53, still read from documents not written since. */
  static final String LEGACY_REVISION = "version";

  private PaymentCodec() {}

  static JsonObject encode(Payment p) {
    JsonObject doc = new JsonObject()
        .put("_id", p.bookingId()).put("providerId", p.providerId())
        .put("amount", new JsonObject().put("minorUnits", p.amount().minorUnits())
            .put("currency", p.amount().currency()))
        .put("manualCapture", p.manualCapture()).put("intentId", p.intentId()).put("state", p.state().name())
        .put("captured", p.captured()).put("refunded", p.refunded()).put("owed", p.owed().name())
        .put("owedMinor", p.owedMinor()).put("noShow", p.noShow()).put(CompareAndSet.REVISION, p.revision());
    putInstant(doc, "createdAt", p.createdAt());
    putInstant(doc, "updatedAt", p.updatedAt());
    return doc;
  }

  static Payment decode(JsonObject doc) {
    JsonObject amount = doc.getJsonObject("amount");
    return new Payment(doc.getString("_id"), doc.getString("providerId"),
        new Money(amount.getLong("minorUnits"), amount.getString("currency")), doc.getBoolean("manualCapture"),
        doc.getString("intentId"), PaymentState.valueOf(doc.getString("state")), doc.getLong("captured"),
        doc.getLong("refunded"), Owed.valueOf(doc.getString("owed")), doc.getLong("owedMinor"),
        doc.getBoolean("noShow"), CompareAndSet.revision(doc, LEGACY_REVISION), requiredInstant(doc, "createdAt"),
        requiredInstant(doc, "updatedAt"));
  }

  static JsonObject encode(PaymentSettings s) {
    JsonObject doc = new JsonObject().put("_id", s.bookingTypeId()).put("providerId", s.providerId())
        .put("manualCapture", s.manualCapture()).put("onPaymentFailure", s.onPaymentFailure().name());
    if (s.deposit() != null) {
      doc.put("deposit", new JsonObject().put("kind", s.deposit().kind().name()).put("value", s.deposit().value()));
    }
    return doc;
  }

  static PaymentSettings decodeSettings(JsonObject doc) {
    JsonObject deposit = doc.getJsonObject("deposit");
    return new PaymentSettings(doc.getString("_id"), doc.getString("providerId"), deposit == null ? null
        : new DepositRule(DepositRule.Kind.valueOf(deposit.getString("kind")), deposit.getLong("value")),
        doc.getBoolean("manualCapture"), doc.getString("onPaymentFailure") == null ? null
        : PaymentFailurePolicy.valueOf(doc.getString("onPaymentFailure")));
  }
}
