package dev.dovetail.webhook.domain;

/**
 * A delivery's life: PENDING until a 2xx within the timeout (SUCCEEDED), or until the retry schedule gives up or the
 * endpoint is disabled or deleted (FAILED). A FAILED or SUCCEEDED delivery can be redelivered, which makes it PENDING.
 */
public enum DeliveryState {
  PENDING,
  SUCCEEDED,
  FAILED
}
