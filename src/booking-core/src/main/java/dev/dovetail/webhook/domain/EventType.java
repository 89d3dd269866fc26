package dev.dovetail.webhook.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of event an integrator can subscribe to. {@link #wireName()} is the stable name on the wire and in the
 * contract; it never changes once published (a new meaning gets a new name).
 */
public enum EventType {
  BOOKING_CREATED("booking.created"),
  BOOKING_CONFIRMED("booking.confirmed"),
  BOOKING_RESCHEDULED("booking.rescheduled"),
  BOOKING_CANCELLED("booking.cancelled"),
  BOOKING_EXPIRED("booking.expired"),
  BOOKING_NO_SHOW("booking.no_show"),
  PAYMENT_SUCCEEDED("payment.succeeded"),
  PAYMENT_REFUNDED("payment.refunded"),
  WAITLIST_OFFERED("waitlist.offered"),
  WAITLIST_CLAIMED("waitlist.claimed"),
  CALENDAR_CONNECTION_BROKEN("calendar.connection_broken"),
  /** Sent only on request, to the one endpoint being tried; never recorded in the feed. */
  WEBHOOK_TEST("webhook.test");

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Whether an endpoint may subscribe to it (every type but the test event). */
  public boolean subscribable() {
    return this != WEBHOOK_TEST;
  }

  public static Optional<EventType> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }
}
