package dev.dovetail.notification.domain;

/**
 * A mail could not be handed over. {@code permanent} when retrying cannot help (the server refused the recipient with
 * a 5xx reply): the message is recorded FAILED. Otherwise (server down, timeout, 4xx) it is retried with backoff.
 */
public class DeliveryException extends RuntimeException {

  private final boolean permanent;

  public DeliveryException(String message, boolean permanent, Throwable cause) {
    super(message, cause);
    this.permanent = permanent;
  }

  public DeliveryException(String message, boolean permanent) {
    this(message, permanent, null);
  }

  public boolean permanent() {
    return permanent;
  }
}
