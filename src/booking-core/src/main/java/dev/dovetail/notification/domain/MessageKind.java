package dev.dovetail.notification.domain;

/**
 * What a message says, and to whom: the customer who booked, or the provider who owns the resource. Waitlist kinds,
 * the broken-calendar and disabled-webhook notices and the password mails are not about a booking (their {@code bookingId} names the waitlist entry, the held slot
 * or the connection) and are composed by a {@link
 * dev.dovetail.notification.port.out.MessageComposer}.
 */
public enum MessageKind {
  CONFIRMATION(Audience.CUSTOMER),
  REMINDER(Audience.CUSTOMER),
  CANCELLATION(Audience.CUSTOMER),
  RESCHEDULE(Audience.CUSTOMER),
  PROVIDER_NEW_BOOKING(Audience.PROVIDER),
  PROVIDER_CANCELLATION(Audience.PROVIDER),
  /** An event in the provider's external calendar (Google, Outlook) landed on this booking. */
  PROVIDER_CALENDAR_CONFLICT(Audience.PROVIDER),
  /** A customer joined a waitlist (subject: the entry). */
  WAITLIST_JOINED(Audience.CUSTOMER),
  /** A freed slot is held for a waiting customer (subject: the held booking). */
  WAITLIST_OFFER(Audience.CUSTOMER),
  /** A provider's calendar connection broke (subject: the connection and the grant it lost, not a booking). */
  PROVIDER_CALENDAR_BROKEN(Audience.PROVIDER),
  /** The hub disabled a webhook endpoint that kept failing (subject: the endpoint and its failing run). */
  PROVIDER_WEBHOOK_DISABLED(Audience.PROVIDER),
  /**
   * A password-reset link asked for on the log-in page (subject: the account's login and the request's window). The
   * mail holds a credential: the notification log never shows its content ({@link #carriesSecret()}).
   */
  PROVIDER_PASSWORD_RESET(Audience.PROVIDER),
  /** The account's password was changed, in the settings or with a reset link (subject: the login and when). */
  PROVIDER_PASSWORD_CHANGED(Audience.PROVIDER);

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

  /** Whether the message describes a booking, decided by the DeliveryPolicy and rendered by the MessageRenderer. */
  public boolean aboutBooking() {
    return this != WAITLIST_JOINED && this != WAITLIST_OFFER && this != PROVIDER_CALENDAR_BROKEN
        && this != PROVIDER_WEBHOOK_DISABLED && this != PROVIDER_PASSWORD_RESET && this != PROVIDER_PASSWORD_CHANGED;
  }

  /**
   * Whether the rendered mail is a credential of its own (a password-reset link): whoever may read the provider's
   * notification log (an API token, say) must not read it, or reading the log would become a way to the password.
   */
  public boolean carriesSecret() {
    return this == PROVIDER_PASSWORD_RESET;
  }
}
