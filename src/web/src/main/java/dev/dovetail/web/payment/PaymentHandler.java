package dev.dovetail.web.payment;

import dev.dovetail.payment.port.in.CustomerPayments;
import dev.dovetail.web.codec.PaymentCodec;
import dev.dovetail.web.http.Requests;
import dev.dovetail.web.http.Responses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The customer's side, through the manage token: start or resume paying, and the payment with its refund quote. */
public final class PaymentHandler {

  private final CustomerPayments payments;

  public PaymentHandler(CustomerPayments payments) {
    this.payments = payments;
  }

  /** {@code POST /api/v1/public/bookings/{manageToken}/payment}. */
  public void start(RoutingContext ctx) {
    Responses.respond(ctx, payments.start(Requests.path(ctx, "manageToken")), 200, PaymentCodec::checkout);
  }

  /**
   * {@code GET /api/v1/public/bookings/{manageToken}/payment}: the payment (re-read from Stripe while it awaits the
   * customer) and what cancelling now would refund.
   */
  public void get(RoutingContext ctx) {
    String token = Requests.path(ctx, "manageToken");
    Future<JsonObject> view = payments.refresh(token).compose(p -> payments.quote(token)
        .map(q -> PaymentCodec.envelope(p).put("refundIfCancelledNow", PaymentCodec.quote(q))));
    Responses.respond(ctx, view, 200, json -> json);
  }
}
