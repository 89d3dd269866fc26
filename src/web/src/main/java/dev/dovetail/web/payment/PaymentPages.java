package dev.dovetail.web.payment;

import dev.dovetail.kernel.RouteOrder;
import dev.dovetail.web.http.SecurityHeadersHandler;
import io.vertx.ext.web.Router;
import java.net.URI;

/**
 * Lets the confirmation page ({@code /booked/{token}}, where a held booking is paid) load Stripe.js: its content
 * security policy also allows the script's origin (script and frames) and the Stripe API's origin (the card
 * confirmation the script sends). Every other page keeps {@code default-src 'self'}.
 */
public final class PaymentPages {


  private PaymentPages() {}

  /** {@code scriptUrl}: where Stripe.js is loaded from; {@code apiBase}: the Stripe API the browser talks to. */
  public static Router allowStripe(Router router, String scriptUrl, String apiBase) {
    String script = origin(scriptUrl);
    String api = origin(apiBase);
    String policy = "script-src 'self' " + script + "; frame-src " + script + " https://hooks.stripe.com"
        + "; connect-src 'self' " + api;
    router.get("/booked/*").order(RouteOrder.PAYMENT_PAGES).handler(ctx -> {
      ctx.put(SecurityHeadersHandler.EXTRA_POLICY, policy);
      ctx.next();
    });
    return router;
  }

  static String origin(String url) {
    URI uri = URI.create(url);
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new IllegalArgumentException("not an absolute URL: " + url);
    }
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
  }
}
