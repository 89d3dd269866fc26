package dev.dovetail.stripe;

import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.payment.domain.InvalidSignatureException;
import dev.dovetail.payment.port.out.PaymentGateway;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PaymentGateway} on stripe-java's {@link StripeClient} (blocking, so every call runs on a worker thread). The
 * API version is the one this stripe-java release pins ({@link Stripe#API_VERSION}); register the webhook endpoint
 * with the same version. Webhooks are verified with {@link Webhook#constructEvent} on the raw body, five minutes of
 * tolerance, against this gateway's clock. Network retries are on (stripe-java resends with the same idempotency key).
 */
public final class StripePaymentGateway implements PaymentGateway {

  private static final Logger LOG = LoggerFactory.getLogger(StripePaymentGateway.class);
  public static final String API_VERSION = Stripe.API_VERSION;

  /** Where the browser loads Stripe.js from unless told otherwise. */
  public static final String DEFAULT_SCRIPT = "https://js.stripe.com/v3/";

  /** The keys and where Stripe is; {@code apiBase} null for the real Stripe; {@code scriptUrl} of Stripe.js. */
  public record Settings(String secretKey, String publishableKey, String webhookSecret, String apiBase,
      String scriptUrl) {
    public Settings {
      Objects.requireNonNull(secretKey, "secretKey");
      Objects.requireNonNull(webhookSecret, "webhookSecret");
      Objects.requireNonNull(publishableKey, "publishableKey");
      scriptUrl = scriptUrl == null ? DEFAULT_SCRIPT : scriptUrl;
    }

    /** Settings with Stripe.js from its usual place. */
    public Settings(String secretKey, String publishableKey, String webhookSecret, String apiBase) {
      this(secretKey, publishableKey, webhookSecret, apiBase, DEFAULT_SCRIPT);
    }
  }

  private final Vertx vertx;
  private final StripeClient client;
  private final Settings settings;
  private final Clock clock;

  public StripePaymentGateway(Vertx vertx, Settings settings, Clock clock) {
    this.vertx = vertx;
    this.settings = settings;
    this.clock = clock;
    StripeClient.StripeClientBuilder builder = StripeClient.builder()
        .setApiKey(settings.secretKey())
        .setMaxNetworkRetries(2)
        .setConnectTimeout(10_000)
        .setReadTimeout(30_000);
    if (settings.apiBase() != null && !settings.apiBase().isBlank()) {
      builder.setApiBase(settings.apiBase());
    }
    this.client = builder.build();
  }

  @Override
  public Future<Intent> createIntent(String bookingId, Money amount, boolean manualCapture, String idempotencyKey) {
    PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
        .setAmount(amount.minorUnits())
        .setCurrency(amount.currency().toLowerCase(Locale.ROOT))
        .setCaptureMethod(manualCapture
            ? PaymentIntentCreateParams.CaptureMethod.MANUAL
            : PaymentIntentCreateParams.CaptureMethod.AUTOMATIC)
        .putMetadata("booking_id", bookingId)
        .build();
    return call(() -> client.v1().paymentIntents().create(params, keyed(idempotencyKey))).map(StripePaymentGateway::of);
  }

  @Override
  public Future<Intent> retrieve(String intentId) {
    return call(() -> client.v1().paymentIntents().retrieve(intentId)).map(StripePaymentGateway::of);
  }

  @Override
  public Future<Intent> cancel(String intentId, String idempotencyKey) {
    return call(() -> client.v1().paymentIntents().cancel(intentId, PaymentIntentCancelParams.builder().build(),
        keyed(idempotencyKey))).map(StripePaymentGateway::of);
  }

  @Override
  public Future<Intent> capture(String intentId, long amountMinor, String idempotencyKey) {
    PaymentIntentCaptureParams params = PaymentIntentCaptureParams.builder().setAmountToCapture(amountMinor).build();
    return call(() -> client.v1().paymentIntents().capture(intentId, params, keyed(idempotencyKey)))
        .map(StripePaymentGateway::of);
  }

  @Override
  public Future<Void> refund(String intentId, long amountMinor, String idempotencyKey) {
    RefundCreateParams params = RefundCreateParams.builder().setPaymentIntent(intentId).setAmount(amountMinor).build();
    return call(() -> client.v1().refunds().create(params, keyed(idempotencyKey))).mapEmpty();
  }

  @Override
  public Event verify(String rawBody, String signatureHeader) {
    if (signatureHeader == null || signatureHeader.isBlank()) {
      throw new InvalidSignatureException("the Stripe-Signature header is missing");
    }
    com.stripe.model.Event event; // qualified: the port's Event hides Stripe's
    try {
      event = Webhook.constructEvent(rawBody, signatureHeader, settings.webhookSecret(), Webhook.DEFAULT_TOLERANCE,
          clock);
    } catch (SignatureVerificationException e) {
      throw new InvalidSignatureException("the webhook signature does not verify: " + e.getMessage());
    } catch (RuntimeException e) {
      throw new InvalidSignatureException("the webhook body is not a Stripe event: " + e.getMessage());
    }
    if (!API_VERSION.equals(event.getApiVersion())) {
      LOG.warn("webhook event {} has API version {}, this hub pins {}: register the endpoint with {}", event.getId(),
          event.getApiVersion(), API_VERSION, API_VERSION);
    }
    return new Event(event.getId(), event.getType(), intentIdOf(event.getDataObjectDeserializer().getRawJson()));
  }

  @Override
  public String publishableKey() {
    return settings.publishableKey();
  }

  @Override
  public String browserScript() {
    return settings.scriptUrl();
  }

  /** The intent an event is about: the object itself, or the {@code payment_intent} of a charge or refund. */
  static String intentIdOf(String objectJson) {
    if (objectJson == null) {
      return null;
    }
    JsonObject object = new JsonObject(objectJson);
    if ("payment_intent".equals(object.getString("object"))) {
      return object.getString("id");
    }
    Object intent = object.getValue("payment_intent");
    return intent instanceof String id ? id : null;
  }

  private static Intent of(PaymentIntent pi) {
    return new Intent(pi.getId(), status(pi.getStatus()), value(pi.getAmount()), value(pi.getAmountReceived()),
        pi.getCurrency() == null ? null : pi.getCurrency().toUpperCase(Locale.ROOT), pi.getClientSecret(),
        pi.getLastPaymentError() != null);
  }

  private static long value(Long l) {
    return l == null ? 0 : l;
  }

  static Status status(String stripe) {
    return switch (stripe) {
      case "succeeded" -> Status.SUCCEEDED;
      case "canceled" -> Status.CANCELED;
      case "requires_capture" -> Status.REQUIRES_CAPTURE;
      case "processing" -> Status.PROCESSING;
      default -> Status.REQUIRES_PAYMENT; // requires_payment_method, _confirmation, _action: the customer acts
    };
  }

  private static RequestOptions keyed(String idempotencyKey) {
    return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
  }

  private <T> Future<T> call(Callable<T> stripeCall) {
    return vertx.executeBlocking(() -> {
      try {
        return stripeCall.call();
      } catch (StripeException e) {
        throw new StripeGatewayException("Stripe: " + e.getMessage(), e.getCode(), e);
      }
    }, false);
  }
}
