package dev.dovetail.webhook.app;

import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.waitlist.domain.EntryStatus;
import dev.dovetail.waitlist.domain.WaitlistEntry;
import dev.dovetail.waitlist.domain.WaitlistSettings;
import dev.dovetail.waitlist.port.out.WaitlistRepository;
import dev.dovetail.webhook.domain.EventType;
import dev.dovetail.webhook.domain.WebhookEvent;
import dev.dovetail.webhook.port.in.PublishEvents;
import dev.dovetail.webhook.port.out.EventViews;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The waitlist store, recording {@code waitlist.offered} and {@code waitlist.claimed} in the webhook outbox before the
 * entry write that makes them true. An entry is written OFFERED only by the transition from WAITING, and BOOKED only
 * once, so the written status is the transition. The subject is the entry. An offer's id derives from the entry's
 * sequence (an entry may be offered again after a lapse); a claim's from the entry alone, so a claim retried after
 * losing a compare-and-set to the sweep records one event.
 */
public class WaitlistEvents implements WaitlistRepository {

  private final WaitlistRepository entries;
  private final PublishEvents events;
  private final EventViews views;
  private final Clock clock;

  public WaitlistEvents(WaitlistRepository entries, PublishEvents events, EventViews views, Clock clock) {
    this.entries = entries;
    this.events = events;
    this.views = views;
    this.clock = clock;
  }

  @Override
  public Future<Void> update(WaitlistEntry entry) {
    return events.publish(eventsOf(entry)).compose(v -> entries.update(entry));
  }

  private List<WebhookEvent> eventsOf(WaitlistEntry entry) {
    if (entry.status() == EntryStatus.OFFERED) {
      return List.of(WebhookEvent.of(entry.providerId(), EventType.WAITLIST_OFFERED, entry.id(), entry.revision(),
          clock.instant(), views.waitlistEntry(entry)));
    }
    if (entry.status() == EntryStatus.BOOKED) {
      return List.of(WebhookEvent.of(entry.providerId(), EventType.WAITLIST_CLAIMED, entry.id(), 0, clock.instant(),
          views.waitlistEntry(entry)));
    }
    return List.of();
  }

  @Override
  public Future<Void> insert(WaitlistEntry entry) {
    return entries.insert(entry);
  }

  @Override
  public Future<Optional<WaitlistEntry>> findById(String id) {
    return entries.findById(id);
  }

  @Override
  public Future<List<WaitlistEntry>> findWaiting(String resourceId) {
    return entries.findWaiting(resourceId);
  }

  @Override
  public Future<List<String>> resourcesWithWaiting() {
    return entries.resourcesWithWaiting();
  }

  @Override
  public Future<List<WaitlistEntry>> findOffered(int limit) {
    return entries.findOffered(limit);
  }

  @Override
  public Future<Optional<WaitlistEntry>> findByOfferedBooking(String bookingId) {
    return entries.findByOfferedBooking(bookingId);
  }

  @Override
  public Future<Page<WaitlistEntry>> listByProvider(String providerId, String bookingTypeId, PageRequest page) {
    return entries.listByProvider(providerId, bookingTypeId, page);
  }

  @Override
  public Future<List<WaitlistEntry>> findBookedByBookings(String providerId, List<String> bookingIds) {
    return entries.findBookedByBookings(providerId, bookingIds);
  }

  @Override
  public Future<List<Money>> recoveredValues(String providerId) {
    return entries.recoveredValues(providerId);
  }

  @Override
  public Future<Optional<WaitlistSettings>> settings(String bookingTypeId) {
    return entries.settings(bookingTypeId);
  }

  @Override
  public Future<Void> saveSettings(WaitlistSettings settings) {
    return entries.saveSettings(settings);
  }
}
