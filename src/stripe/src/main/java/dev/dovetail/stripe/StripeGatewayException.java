package dev.dovetail.stripe;

/** Stripe refused or failed a call; {@code code} is Stripe's error code when it gave one. */
public class StripeGatewayException extends RuntimeException {

  private final String code;

  public StripeGatewayException(String message, String code, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
