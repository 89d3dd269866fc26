package dev.dovetail.account.port.in;

/**
 * The current password given with a password change is wrong; answered with 403, not 401, because the caller's
 * session is fine.
 */
public class WrongPasswordException extends RuntimeException {

  public WrongPasswordException() {
    super("the current password is not right", null, false, false);
  }
}
