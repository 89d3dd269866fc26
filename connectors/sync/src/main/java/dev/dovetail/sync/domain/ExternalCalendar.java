package dev.dovetail.sync.domain;

import java.util.Objects;

/** One calendar of the connected account, as the provider picks it: to block resources, or to receive bookings. */
public record ExternalCalendar(String id, String name, boolean primary, boolean writable) {

  public ExternalCalendar {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }
}
