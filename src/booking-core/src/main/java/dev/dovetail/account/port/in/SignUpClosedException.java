package dev.dovetail.account.port.in;

/** A sign-up (or an invitation) the hub's sign-up policy does not allow; answered with 403 and the reason. */
public class SignUpClosedException extends RuntimeException {

  public SignUpClosedException(String reason) {
    super(reason, null, false, false);
  }
}
