package dev.dovetail.account.port.in;

/** Credentials missing, unknown or wrong. Deliberately says nothing about which. */
public class AuthenticationException extends RuntimeException {

  public AuthenticationException() {
    super("authentication required");
  }
}
