package dev.dovetail.booking.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a booking type's appointments happen (ADR 49): a street {@code ADDRESS}, a {@code PHONE} number the customer
 * calls or is called on, or a {@code VIDEO} link. A video link is an absolute {@code https} URL with a host and no user
 * part (it becomes a link on the pages and the .ics URL), so no {@code javascript:} or {@code http:} link reaches a
 * customer. The value is one line of at most {@link #MAX_LENGTH} characters (it is an iCalendar LOCATION line).
 */
public record TypeLocation(Kind kind, String value) {

  public enum Kind { ADDRESS, PHONE, VIDEO }

  public static final int MAX_LENGTH = 500;

  public TypeLocation {
    if (kind == null) {
      throw new InvalidRequestException("location.kind must be ADDRESS, PHONE or VIDEO");
    }
    value = Objects.requireNonNullElse(value, "").strip();
    if (value.isEmpty()) {
      throw new InvalidRequestException("location.value may not be empty");
    }
    if (value.length() > MAX_LENGTH) {
      throw new InvalidRequestException("location.value has at most " + MAX_LENGTH + " characters");
    }
    PlainText.requireNoControl(value, "location.value");
    if (kind == Kind.PHONE && !Answers.isPhone(value)) {
      throw new InvalidRequestException("location.value is not a phone number (digits, spaces, + ( ) - . /)");
    }
    if (kind == Kind.VIDEO) {
      requireHttpsUrl(value);
    }
  }

  /** The link a customer opens: the video link, else null. */
  public String url() {
    return kind == Kind.VIDEO ? value : null;
  }

  private static void requireHttpsUrl(String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new InvalidRequestException("location.value is not a URL: " + e.getReason());
    }
    if (!"https".equals(Objects.requireNonNullElse(uri.getScheme(), "").toLowerCase(Locale.ROOT))
        || uri.getHost() == null || uri.getRawUserInfo() != null || value.contains(" ")) {
      throw new InvalidRequestException("a video link must be an https:// URL with a host, like https://meet.example.com/room");
    }
  }
}
