package dev.dovetail.account.port.in;

/** A password-reset link that cannot be used (any reason: forged, expired, used, superseded); answered with 400. */
public class ResetLinkInvalidException extends RuntimeException {

  public ResetLinkInvalidException() {
    super("this password-reset link is not valid: it expired, was used already, or a newer password was set."
        + " Ask for a new link", null, false, false);
  }
}
