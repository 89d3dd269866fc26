package dev.dovetail.account.app;

import dev.dovetail.account.domain.SignUpMode;
import dev.dovetail.account.port.in.SignUpClosedException;
import dev.dovetail.account.port.in.SignUpPolicy;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.PlainText;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;

/**
 * The sign-up policy and its invitations. An invitation is signed, not stored: {@code
 * <base64url(email \n expiry \n issuer)>.<HMAC-SHA256>}, bound to one e-mail address (so it makes at most one account:
 * addresses are unique) and valid for {@link #VALIDITY}. All hubs share the key (derived from {@code
 * DOVETAIL_SECRET_KEY}); changing it voids every invitation.
 */
public final class Invitations implements SignUpPolicy {

  public static final Duration VALIDITY = Duration.ofDays(7);
  private static final String PURPOSE = "dovetail-invitation-v1:";

  private final SignUpMode mode;
  private final HmacSigner signer;
  private final Clock clock;

  public Invitations(SignUpMode mode, byte[] key, Clock clock) {
    this.signer = new HmacSigner(key, PURPOSE, "invitation");
    this.mode = mode;
    this.clock = clock;
  }

  @Override
  public SignUpMode mode() {
    return mode;
  }

  @Override
  public Invitation issue(String providerId, String email) {
    if (mode == SignUpMode.CLOSED) {
      throw new SignUpClosedException("sign-up is closed on this hub: it takes no invitations");
    }
    if (!PlainText.isEmail(email)) {
      throw new InvalidRequestException("email must be a valid e-mail address");
    }
    String address = email.strip().toLowerCase(Locale.ROOT);
    Instant expires = clock.instant().plus(VALIDITY);
    String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
        (address + "\n" + expires.getEpochSecond() + "\n" + providerId).getBytes(StandardCharsets.UTF_8));
    return new Invitation(address, expires, payload + "." + signer.sign(payload));
  }

  /** Open: always; closed: never; by invitation: with a valid, unexpired invitation for that very address. */
  @Override
  public void checkSignUp(String email, String invitation) {
    switch (mode) {
      case OPEN -> { }
      case CLOSED -> throw new SignUpClosedException("sign-up is closed on this hub");
      case INVITE -> {
        if (invitation == null || email == null || !valid(invitation, email.strip().toLowerCase(Locale.ROOT))) {
          throw new SignUpClosedException(
              "sign-up needs a valid invitation for this e-mail address (ask a provider of this hub for one)");
        }
      }
      default -> throw new IllegalStateException("unknown mode " + mode);
    }
  }

  private boolean valid(String token, String email) {
    int dot = token.indexOf('.');
    if (dot < 1 || dot == token.length() - 1 || token.length() > 1024) {
      return false;
    }
    String payload = token.substring(0, dot);
    if (!signer.verify(payload, token.substring(dot + 1))) {
      return false;
    }
    String[] parts;
    try {
      parts = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).split("\n", 3);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return parts.length == 3 && parts[0].equals(email)
        && clock.instant().getEpochSecond() < Long.parseLong(parts[1]);
  }
}
