package dev.dovetail.payment.port.in;

import io.vertx.core.Future;

/** Webhook calls of the payment service, verified on their raw body; duplicates and any order are fine. */
public interface PaymentWebhooks {

  Future<Void> handle(String rawBody, String signatureHeader);
}
