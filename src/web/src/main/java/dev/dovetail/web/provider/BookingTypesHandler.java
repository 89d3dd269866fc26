package dev.dovetail.web.provider;

import dev.dovetail.booking.port.in.ManageCatalog;
import dev.dovetail.web.codec.BookingTypeCodec;
import dev.dovetail.web.codec.PageCodec;
import dev.dovetail.web.http.Caller;
import dev.dovetail.web.http.Requests;
import dev.dovetail.web.http.Responses;
import io.vertx.ext.web.RoutingContext;

/** {@code /api/v1/booking-types[/{bookingTypeId}]}: the caller's booking types; another provider's are not found. */
public final class BookingTypesHandler {

  private final ManageCatalog catalog;

  public BookingTypesHandler(ManageCatalog catalog) {
    this.catalog = catalog;
  }

  public void list(RoutingContext ctx) {
    Responses.respond(ctx, catalog.bookingTypes(Caller.providerId(ctx), PageCodec.request(ctx)), 200,
        page -> PageCodec.toJson(page, BookingTypeCodec::toJson));
  }

  public void create(RoutingContext ctx) {
    String providerId = Caller.providerId(ctx);
    var type = BookingTypeCodec.fromJson(providerId, null, Requests.body(ctx));
    Responses.respond(ctx, catalog.createBookingType(providerId, type), 201, BookingTypeCodec::toJson);
  }

  public void get(RoutingContext ctx) {
    Responses.respond(ctx, catalog.bookingType(Caller.providerId(ctx), id(ctx)), 200, BookingTypeCodec::toJson);
  }

  public void update(RoutingContext ctx) {
    String providerId = Caller.providerId(ctx);
    var type = BookingTypeCodec.fromJson(providerId, id(ctx), Requests.body(ctx));
    Responses.respond(ctx, catalog.updateBookingType(providerId, type), 200, BookingTypeCodec::toJson);
  }

  public void delete(RoutingContext ctx) {
    catalog.deleteBookingType(Caller.providerId(ctx), id(ctx))
        .onSuccess(v -> Responses.noContent(ctx))
        .onFailure(ctx::fail);
  }

  private static String id(RoutingContext ctx) {
    return Requests.path(ctx, "bookingTypeId");
  }
}
