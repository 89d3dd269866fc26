package dev.dovetail.account.port.in;

import dev.dovetail.account.domain.SignUpMode;
import java.time.Instant;

/** Who may sign up through the public API, and the invitations providers issue when sign-up is by invitation. */
public interface SignUpPolicy {

  /** An issued invitation: the address it is for, when it stops working, and the secret to sign up with. */
  record Invitation(String email, Instant expiresAt, String token) {}

  SignUpMode mode();

  /** An invitation for {@code email} (harmless while sign-up is open); throws {@link SignUpClosedException} when closed. */
  Invitation issue(String providerId, String email);

  /** Throws {@link SignUpClosedException} unless a sign-up for {@code email} with {@code invitation} is allowed now. */
  void checkSignUp(String email, String invitation);

  /** Anyone may sign up; invitations are not needed, so none are issued. */
  static SignUpPolicy open() {
    return new SignUpPolicy() {
      @Override
      public SignUpMode mode() {
        return SignUpMode.OPEN;
      }

      @Override
      public Invitation issue(String providerId, String email) {
        throw new SignUpClosedException("sign-up is open on this hub: no invitation is needed");
      }

      @Override
      public void checkSignUp(String email, String invitation) {
      }
    };
  }
}
