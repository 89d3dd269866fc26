package dev.dovetail.web.catalog;

import dev.dovetail.payment.port.in.ProviderPayments;
import dev.dovetail.web.Services;
import dev.dovetail.web.http.OperationHandlers;

/** The catalog operations: the public offer, and the provider's resources, availability and booking types. */
public final class CatalogApi {

  private CatalogApi() {}

  public static void register(OperationHandlers operations, Services.Booking booking, ProviderPayments payments) {
    OfferHandler offer = new OfferHandler(booking.publicCatalog(), payments.takesCardPayments());
    ResourcesHandler resources = new ResourcesHandler(booking.catalog());
    AvailabilityHandler availability = new AvailabilityHandler(booking.catalog());
    BookingTypesHandler types = new BookingTypesHandler(booking.catalog(), payments);
    operations
        .on("getOffer", offer::get)
        .on("listResources", resources::list)
        .on("createResource", resources::create)
        .on("getResource", resources::get)
        .on("updateResource", resources::update)
        .on("deleteResource", resources::delete)
        .on("setAvailability", availability::set)
        .on("listBookingTypes", types::list)
        .on("createBookingType", types::create)
        .on("getBookingType", types::get)
        .on("updateBookingType", types::update)
        .on("deleteBookingType", types::delete);
  }
}
