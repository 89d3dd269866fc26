package dev.dovetail.web.payment;

import dev.dovetail.payment.port.in.ProviderPayments;
import dev.dovetail.web.codec.PaymentCodec;
import dev.dovetail.web.http.Caller;
import dev.dovetail.web.http.Requests;
import dev.dovetail.web.http.Responses;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** The provider's side: payment settings per booking type, a booking's payment, capture, no-show, refund. */
public final class ProviderPaymentHandler {

  private final ProviderPayments payments;

  public ProviderPaymentHandler(ProviderPayments payments) {
    this.payments = payments;
  }

  public void settings(RoutingContext ctx) {
    Responses.respond(ctx, payments.settings(Caller.providerId(ctx), Requests.path(ctx, "bookingTypeId")), 200,
        PaymentCodec::settings);
  }

  public void updateSettings(RoutingContext ctx) {
    Responses.respond(ctx, Responses.attempt(() -> payments.saveSettings(Caller.providerId(ctx), PaymentCodec.settings(
        Requests.path(ctx, "bookingTypeId"), Caller.providerId(ctx), Requests.body(ctx)))), 200,
        PaymentCodec::settings);
  }

  public void get(RoutingContext ctx) {
    Responses.respond(ctx, payments.payment(Caller.providerId(ctx), Requests.path(ctx, "bookingId")), 200,
        PaymentCodec::envelope);
  }

  public void capture(RoutingContext ctx) {
    Responses.respond(ctx, payments.capture(Caller.providerId(ctx), Requests.path(ctx, "bookingId")), 200,
        p -> PaymentCodec.envelope(Optional.of(p)));
  }

  public void noShow(RoutingContext ctx) {
    Responses.respond(ctx, payments.markNoShow(Caller.providerId(ctx), Requests.path(ctx, "bookingId")), 200,
        p -> PaymentCodec.envelope(Optional.of(p)));
  }

  /** {@code {"refundedMinor": n}}: refund until n is refunded in all; no body or no field: refund all of it. */
  public void refund(RoutingContext ctx) {
    Long total = Requests.optionalBody(ctx).getLong("refundedMinor");
    Responses.respond(ctx, payments.refund(Caller.providerId(ctx), Requests.path(ctx, "bookingId"), total), 200,
        p -> PaymentCodec.envelope(Optional.of(p)));
  }
}
