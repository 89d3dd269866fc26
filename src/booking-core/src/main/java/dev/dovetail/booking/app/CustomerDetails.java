package dev.dovetail.booking.app;

import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.PlainText;
import java.time.ZoneId;

/** The checks every customer-facing request makes of the customer's name, e-mail address and time zone. */
public final class CustomerDetails {

  private CustomerDetails() {}

  /** Throws an {@link InvalidRequestException} naming the first field that is missing or malformed. */
  public static void validate(String name, String email, ZoneId zone) {
    if (zone == null) {
      throw new InvalidRequestException("timeZone is required");
    }
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new InvalidRequestException("name is required and at most 200 characters");
    }
    PlainText.requireNoControl(name, "name");
    if (!PlainText.isEmail(email)) {
      throw new InvalidRequestException("email must be a valid e-mail address");
    }
  }
}
