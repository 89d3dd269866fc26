package dev.dovetail.web.catalog;

import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.PaymentRequirement;
import dev.dovetail.booking.port.in.ManageCatalog;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.payment.port.in.ProviderPayments;
import dev.dovetail.web.codec.PageCodec;
import dev.dovetail.web.http.Caller;
import dev.dovetail.web.http.Requests;
import dev.dovetail.web.http.Responses;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/v1/booking-types[/{bookingTypeId}]}: the caller's booking types; another provider's are not found. On a
 * hub that takes no card payments a type that would take payment online is refused (409), nothing saved: customers
 * could not book it.
 */
public final class BookingTypesHandler {

  static final String NO_CARD_PAYMENTS = "this hub takes no card payments (no Stripe account is configured), so a"
      + " booking type cannot take payment online: choose payment NONE (paid on site), or ask the hub's operator to"
      + " configure Stripe";

  private final ManageCatalog catalog;
  private final ProviderPayments payments;

  public BookingTypesHandler(ManageCatalog catalog, ProviderPayments payments) {
    this.catalog = catalog;
    this.payments = payments;
  }

  public void list(RoutingContext ctx) {
    Responses.respond(ctx, catalog.bookingTypes(Caller.providerId(ctx), PageCodec.request(ctx)), 200,
        page -> PageCodec.toJson(page, BookingTypeCodec::toJson));
  }

  public void create(RoutingContext ctx) {
    String providerId = Caller.providerId(ctx);
    var type = BookingTypeCodec.fromJson(providerId, null, Requests.body(ctx));
    Responses.respond(ctx, Responses.attempt(() -> {
      requireCardPaymentsFor(type);
      return catalog.createBookingType(providerId, type);
    }),
        201, BookingTypeCodec::toJson);
  }

  public void get(RoutingContext ctx) {
    Responses.respond(ctx, catalog.bookingType(Caller.providerId(ctx), id(ctx)), 200, BookingTypeCodec::toJson);
  }

  public void update(RoutingContext ctx) {
    String providerId = Caller.providerId(ctx);
    var type = BookingTypeCodec.fromJson(providerId, id(ctx), Requests.body(ctx));
    Responses.respond(ctx, Responses.attempt(() -> {
      requireCardPaymentsFor(type);
      return catalog.updateBookingType(providerId, type);
    }),
        200, BookingTypeCodec::toJson);
  }

  public void delete(RoutingContext ctx) {
    catalog.deleteBookingType(Caller.providerId(ctx), id(ctx))
        .onSuccess(v -> Responses.noContent(ctx))
        .onFailure(ctx::fail);
  }

  private void requireCardPaymentsFor(BookingType type) {
    if (type.payment() != PaymentRequirement.NONE && !payments.takesCardPayments()) {
      throw new ConflictException(NO_CARD_PAYMENTS);
    }
  }

  private static String id(RoutingContext ctx) {
    return Requests.path(ctx, "bookingTypeId");
  }
}
