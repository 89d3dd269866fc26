package dev.dovetail.web.payment;

import dev.dovetail.kernel.RouteOrder;
import dev.dovetail.payment.domain.InvalidSignatureException;
import dev.dovetail.payment.domain.PaymentsUnavailableException;
import dev.dovetail.payment.port.in.PaymentWebhooks;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mounts {@code POST /hooks/stripe}, where Stripe delivers webhook events. Stripe calls it without credentials: the
 * {@code Stripe-Signature} header over the exact raw body authenticates it, so the route is ordered ahead of the REST
 * API's root chain (no JSON parsing or contract validation touches the body first) and bounds its body. 200 once the
 * event is acted on (or is of no interest); 400 for a bad signature (Stripe does not retry those usefully); 503 when
 * this hub takes no payments; 500 otherwise, so that Stripe retries.
 */
public final class StripeHooks {

  public static final String PATH = "/hooks/stripe";
  private static final Logger LOG = LoggerFactory.getLogger(StripeHooks.class);
  private static final long MAX_BODY_BYTES = 256 * 1024;

  private StripeHooks() {}

  public static Router mount(Router router, PaymentWebhooks webhooks) {
    router.post(PATH).order(RouteOrder.STRIPE_HOOKS).handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
        .handler(ctx -> handle(ctx, webhooks));
    return router;
  }

  private static void handle(RoutingContext ctx, PaymentWebhooks webhooks) {
    String raw = ctx.body().buffer() == null ? "" : ctx.body().buffer().toString(StandardCharsets.UTF_8);
    webhooks.handle(raw, ctx.request().getHeader("Stripe-Signature")).onComplete(ar -> {
      if (ar.succeeded()) {
        ctx.json(new JsonObject().put("received", true));
        return;
      }
      Throwable err = ar.cause();
      int status = err instanceof InvalidSignatureException ? 400
          : err instanceof PaymentsUnavailableException ? 503 : 500;
      if (status == 500) {
        LOG.warn("Stripe webhook failed, Stripe will retry: {}", String.valueOf(err));
      }
      ctx.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
          .end(new JsonObject().put("type", "about:blank").put("status", status)
              .put("title", status == 400 ? "Bad signature" : status == 503 ? "Payments off" : "Internal error")
              .put("detail", status == 500 ? "the event could not be processed; retry later" : err.getMessage())
              .encode());
    });
  }
}
