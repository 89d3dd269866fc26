package dev.dovetail.sync.domain;

/**
 * What a booking does when the live free/busy check of the provider's external calendars cannot be answered in time:
 * REFUSE the booking (never sell time that may be taken), or ACCEPT it on the last synced data (never lose a sale to
 * an outage; a late conflict is flagged). Chosen per connection; ACCEPT_LAST_SYNCED is the default.
 */
public enum UnreachablePolicy {
  REFUSE,
  ACCEPT_LAST_SYNCED
}
