package dev.dovetail.sync.port.out;

import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.ChangeSet;
import dev.dovetail.sync.domain.ExternalCalendar;
import dev.dovetail.sync.domain.Grant;
import dev.dovetail.sync.domain.OutboundEvent;
import dev.dovetail.sync.domain.WrittenEvent;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * One external calendar service (Google, Microsoft Graph) as the sync engine sees it: what every service offers
 * (calendars, changes, writes). What only some offer is a capability the connector may also implement, and the core
 * asks for it by type with {@code SyncContext.capability} ({@link PushSupport}, {@link FreeBusySupport},
 * {@link RevokeSupport}; ADR 54). Failures are {@link dev.dovetail.sync.domain.ConnectorException}s,
 * so the engine reacts without knowing the service; the adapter maps its service's errors to them in one place and
 * does no retrying of its own beyond paging.
 */
public interface CalendarConnector {

  CalendarProvider provider();

  /** The account's calendars, for the provider to choose from. */
  Future<List<ExternalCalendar>> calendars(Grant grant);

  /**
   * Everything changed in {@code calendarId} since {@code token}, every page read, recurring events expanded to
   * instances, cancelled instances and deleted events as removals; with a null token a full listing ({@link
   * ChangeSet#full()}). Fails with {@code SyncTokenExpired} when the service no longer accepts {@code token}.
   */
  Future<ChangeSet> changes(Grant grant, String calendarId, String token);

  /** The event's current id and etag, or empty if it does not exist (any more). */
  Future<Optional<WrittenEvent>> find(Grant grant, String calendarId, String eventId);

  /**
   * Creates the event; idempotent by {@link OutboundEvent#proposedId()}: if an earlier attempt already created it, that
   * event is overwritten with {@code event} and returned, so a retried create never makes a second event.
   */
  Future<WrittenEvent> create(Grant grant, String calendarId, OutboundEvent event);

  /** Replaces the event if it still has {@code etag}; fails with {@code EtagMismatch} (412) otherwise. */
  Future<WrittenEvent> update(Grant grant, String calendarId, String eventId, String etag, OutboundEvent event);

  /**
   * Deletes the event if it still has {@code etag} (any etag when null); an event that is already gone counts as
   * deleted; fails with {@code EtagMismatch} if it changed.
   */
  Future<Void> delete(Grant grant, String calendarId, String eventId, String etag);
}
