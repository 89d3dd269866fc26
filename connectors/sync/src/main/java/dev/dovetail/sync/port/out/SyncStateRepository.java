package dev.dovetail.sync.port.out;

import dev.dovetail.sync.domain.SyncState;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** Inbound sync state per (connection, external calendar). Only the engine writes it, under the calendar's lock. */
public interface SyncStateRepository {

  Future<Void> save(SyncState state);

  Future<Optional<SyncState>> find(String connectionId, String calendarId);

  Future<List<SyncState>> listAll();

  Future<Void> delete(String connectionId, String calendarId);

  Future<Void> deleteByConnection(String connectionId);
}
