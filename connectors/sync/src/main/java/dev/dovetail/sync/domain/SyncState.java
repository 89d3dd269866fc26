package dev.dovetail.sync.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Inbound sync progress of one external calendar of one connection: the token of the next incremental read (null: a
 * full read is due), when it ran, when it runs next, consecutive failures (for backoff) and the push channel.
 */
public record SyncState(
    String connectionId,
    String calendarId,
    String token,
    Instant lastSyncedAt,
    Instant nextSyncAt,
    int failures,
    String lastError,
    PushChannel channel) {

  public SyncState {
    Objects.requireNonNull(connectionId, "connectionId");
    Objects.requireNonNull(calendarId, "calendarId");
    Objects.requireNonNull(nextSyncAt, "nextSyncAt");
  }

  /** The store key of a calendar's state. */
  public static String keyOf(String connectionId, String calendarId) {
    return connectionId + "|" + calendarId;
  }

  public static SyncState initial(String connectionId, String calendarId, Instant now) {
    return new SyncState(connectionId, calendarId, null, null, now, 0, null, null);
  }

  public String key() {
    return keyOf(connectionId, calendarId);
  }

  public SyncState synced(String nextToken, Instant now, Instant next) {
    return new SyncState(connectionId, calendarId, nextToken, now, next, 0, null, channel);
  }

  public SyncState failed(String error, Instant retryAt) {
    return new SyncState(connectionId, calendarId, token, lastSyncedAt, retryAt, failures + 1, error, channel);
  }

  /** Forgets the token: the next read is a full one. */
  public SyncState wiped() {
    return new SyncState(connectionId, calendarId, null, lastSyncedAt, nextSyncAt, failures, lastError, channel);
  }

  public SyncState dueAt(Instant at) {
    return new SyncState(connectionId, calendarId, token, lastSyncedAt, at, failures, lastError, channel);
  }

  public SyncState withChannel(PushChannel newChannel) {
    return new SyncState(connectionId, calendarId, token, lastSyncedAt, nextSyncAt, failures, lastError, newChannel);
  }
}
