package dev.dovetail.payment.domain;

/** This hub takes no payments (no payment service is configured), so a paid booking type cannot be booked. */
public class PaymentsUnavailableException extends RuntimeException {

  public PaymentsUnavailableException(String reason) {
    super(reason);
  }
}
