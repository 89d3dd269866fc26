package dev.dovetail.sync.port.out;

import dev.dovetail.sync.domain.SyncState;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Inbound sync state per (connection, external calendar). Only the engine writes it, under the calendar's lock. Every
 * read names what it wants (ADR 81): the scheduler's tick and the push receivers never read every tenant's states, so
 * their cost follows the work due and the request, not the number of connected calendars.
 */
public interface SyncStateRepository {

  Future<Void> save(SyncState state);

  Future<Optional<SyncState>> find(String connectionId, String calendarId);

  /**
   * The states whose {@code nextSyncAt} is at or before {@code now}, the calendars due a sync: the {@code limit}
   * earliest due.
   */
  Future<List<SyncState>> listDue(Instant now, int limit);

  /**
   * The states without a push channel, or whose channel expires at or before {@code by}: the calendars whose channel
   * is to be opened or renewed.
   */
  Future<List<SyncState>> listChannelsExpiringBy(Instant by);

  /**
   * Until the state is next saved, {@link #listChannelsExpiringBy} lists it only for a {@code by} at or after
   * {@code by}: the scheduler's note that it cannot open this calendar's channel before then (a broken connection, a
   * watch in back-off). Best effort, not awaited for durability; a state that no longer exists is left alone.
   */
  Future<Void> deferChannelCheck(String connectionId, String calendarId, Instant by);

  /** The state whose push channel has this id (the hub's own id, which Google's pushes name). */
  Future<Optional<SyncState>> findByChannel(String channelId);

  /** The state whose push channel has this id at the service (Graph's subscription id). */
  Future<Optional<SyncState>> findByChannelResource(String resourceId);

  Future<List<SyncState>> listByConnection(String connectionId);

  Future<Void> delete(String connectionId, String calendarId);

  Future<Void> deleteByConnection(String connectionId);
}
