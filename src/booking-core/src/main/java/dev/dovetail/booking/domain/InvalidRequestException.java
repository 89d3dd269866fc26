package dev.dovetail.booking.domain;

/** Input that is well-formed but makes no sense for the business: an unknown zone, a duration not offered, ... */
public class InvalidRequestException extends RuntimeException {

  public InvalidRequestException(String reason) {
    super(reason);
  }
}
