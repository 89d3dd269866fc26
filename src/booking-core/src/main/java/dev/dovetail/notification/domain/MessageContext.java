package dev.dovetail.notification.domain;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.domain.Resource;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Everything a message is rendered from: the outbox entry, the booking as it is now (re-read at send time), its offer,
 * and the customer's signed manage link. {@code resources} are every resource the booking blocks (each member of an
 * ALL pool, the assigned member of an ANY pool, ADR 43), {@code resource} the first of them (its zone is the
 * provider's view of the time).
 */
public record MessageContext(
    OutboundMessage message, Booking booking, Provider provider, Resource resource, List<Resource> resources,
    BookingType type, String manageLink) {

  public MessageContext {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(booking, "booking");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(resource, "resource");
    resources = List.copyOf(resources);
    if (resources.isEmpty() || !resources.get(0).equals(resource)) {
      throw new IllegalArgumentException("a message's resources start with its resource");
    }
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(manageLink, "manageLink");
  }

  /** A booking of one resource. */
  public MessageContext(OutboundMessage message, Booking booking, Provider provider, Resource resource,
      BookingType type, String manageLink) {
    this(message, booking, provider, resource, List.of(resource), type, manageLink);
  }

  /** The zone the recipient sees times in: the customer's own, or the resource's for the provider. */
  public ZoneId recipientZone() {
    return message.kind().audience() == MessageKind.Audience.CUSTOMER ? booking.customerZone() : resource.zone();
  }
}
