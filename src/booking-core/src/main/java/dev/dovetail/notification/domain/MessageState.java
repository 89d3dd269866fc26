package dev.dovetail.notification.domain;

/**
 * A message's life in the outbox: PENDING until a dispatcher sends it (SENT), gives up on it because the address was
 * refused or it stayed undeliverable too long (FAILED), or finds it no longer applies (SKIPPED: a reminder of a
 * cancelled or moved booking, a notice of a change whose booking write never happened).
 */
public enum MessageState {
  PENDING,
  SENT,
  FAILED,
  SKIPPED;

  public boolean isFinal() {
    return this != PENDING;
  }
}
