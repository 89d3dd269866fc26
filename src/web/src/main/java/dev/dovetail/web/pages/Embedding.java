package dev.dovetail.web.pages;

import dev.dovetail.booking.domain.Provider;
import dev.dovetail.web.http.SecurityHeadersHandler;
import io.vertx.ext.web.RoutingContext;

/**
 * Lets the sites a provider listed frame one of its public booking pages (ADR 45): the provider page, a booking page,
 * and the confirmation a booking made inside the frame lands on. Every other page keeps {@code frame-ancestors
 * 'none'}.
 */
final class Embedding {

  private Embedding() {}

  static void allowFramingBy(RoutingContext ctx, Provider provider) {
    if (!provider.embedOrigins().isEmpty()) {
      ctx.put(SecurityHeadersHandler.FRAME_ANCESTORS, provider.embedOrigins().origins());
    }
  }
}
