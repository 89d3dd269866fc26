package dev.dovetail.notification.domain;

/** What a message says, and to whom: the customer who booked, or the provider who owns the resource. */
public enum MessageKind {
  CONFIRMATION(Audience.CUSTOMER),
  REMINDER(Audience.CUSTOMER),
  CANCELLATION(Audience.CUSTOMER),
  RESCHEDULE(Audience.CUSTOMER),
  PROVIDER_NEW_BOOKING(Audience.PROVIDER),
  PROVIDER_CANCELLATION(Audience.PROVIDER);

  /** Who reads the message; decides the time zone its times are shown in. */
  public enum Audience {
    CUSTOMER,
    PROVIDER
  }

  private final Audience audience;

  MessageKind(Audience audience) {
    this.audience = audience;
  }

  public Audience audience() {
    return audience;
  }
}
