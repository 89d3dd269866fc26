package dev.dovetail.payment.domain;

/** A webhook call whose signature does not prove it comes from the payment service (or is too old). */
public class InvalidSignatureException extends RuntimeException {

  public InvalidSignatureException(String reason) {
    super(reason);
  }
}
