package dev.dovetail.waitlist.app;

import dev.dovetail.booking.app.ManageTokens;
import java.util.Optional;

/**
 * The secrets in the waitlist's links, signed with the manage-link key ({@link ManageTokens}) over a subject that
 * names their purpose: {@code claim-<entry id>-<held booking id>} and {@code leave-<entry id>}. A claim token cannot
 * open the manage page or leave the list, and the other way round, since ids never start with those prefixes.
 */
public final class WaitlistLinks {

  private static final String CLAIM = "claim-";
  private static final String LEAVE = "leave-";

  private final ManageTokens tokens;

  public WaitlistLinks(ManageTokens tokens) {
    this.tokens = tokens;
  }

  /** The offer a claim link is for: the entry, and the booking that held the slot. */
  public record Claim(String entryId, String heldBookingId) {}

  public String claimToken(String entryId, String heldBookingId) {
    return tokens.issue(CLAIM + entryId + "-" + heldBookingId);
  }

  public String leaveToken(String entryId) {
    return tokens.issue(LEAVE + entryId);
  }

  public Optional<Claim> claimOf(String claimToken) {
    return subject(claimToken, CLAIM)
        .filter(s -> s.lastIndexOf('-') > 0 && s.lastIndexOf('-') < s.length() - 1)
        .map(s -> new Claim(s.substring(0, s.lastIndexOf('-')), s.substring(s.lastIndexOf('-') + 1)));
  }

  public Optional<String> entryOf(String leaveToken) {
    return subject(leaveToken, LEAVE);
  }

  private Optional<String> subject(String token, String prefix) {
    return tokens.bookingIdOf(token)
        .filter(s -> s.startsWith(prefix) && s.length() > prefix.length())
        .map(s -> s.substring(prefix.length()));
  }
}
