package dev.dovetail.notification.domain;

/** Which of a provider's outbox messages a listing holds, and in which order (keyset-paginated on due time and id). */
public enum LogView {
  /** Every message, latest due first. */
  ALL,
  /** What happened: sent, failed and skipped messages, latest due first. */
  ACTIVITY,
  /** What will go out: pending messages, soonest due first. */
  SCHEDULED;

  /** Whether a message belongs to this view. */
  public boolean holds(OutboundMessage message) {
    return switch (this) {
      case ALL -> true;
      case ACTIVITY -> message.state() != MessageState.PENDING;
      case SCHEDULED -> message.state() == MessageState.PENDING;
    };
  }

  /** Soonest due first (only the schedule); the others list the latest due first. */
  public boolean ascending() {
    return this == SCHEDULED;
  }
}
