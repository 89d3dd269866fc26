package dev.dovetail.booking.app;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.OpenTime;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.booking.port.in.BookSlot;
import dev.dovetail.booking.port.in.BookSlotCommand;
import dev.dovetail.booking.port.in.BookingReceipt;
import dev.dovetail.booking.port.in.ManageCatalog;
import dev.dovetail.booking.port.in.ProviderCalendar;
import dev.dovetail.booking.port.in.ScheduleView;
import dev.dovetail.booking.port.in.ScheduleView.Clash;
import dev.dovetail.booking.port.in.ScheduleView.Entry;
import dev.dovetail.booking.port.in.ScheduleView.Kind;
import dev.dovetail.booking.port.in.ScheduleView.ResourceSchedule;
import dev.dovetail.booking.port.out.ScheduleRepository;
import dev.dovetail.kernel.TimeRange;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The provider's calendar views, read from the schedules (the source of truth for what blocks time), and bookings
 * taken by the provider. Resources are read through the provider-scoped catalog, so another tenant's resource or
 * booking type is simply not found.
 */
public class ProviderCalendarService implements ProviderCalendar {

  /** Busy sources shown by name; anything else is shown as {@code external}. */
  private static final Set<String> SOURCES = Set.of("caldav", "google", "outlook");

  private final ManageCatalog catalog;
  private final ScheduleRepository schedules;
  private final BookSlot bookSlot;
  private final Clock clock;

  public ProviderCalendarService(ManageCatalog catalog, ScheduleRepository schedules, BookSlot bookSlot, Clock clock) {
    this.catalog = catalog;
    this.schedules = schedules;
    this.bookSlot = bookSlot;
    this.clock = clock;
  }

  @Override
  public Future<ScheduleView> schedule(String providerId, String resourceId, TimeRange window) {
    if (window == null) {
      return Future.failedFuture(new InvalidRequestException("from and to are required"));
    }
    if (window.length().compareTo(MAX_WINDOW) > 0) {
      return Future.failedFuture(new InvalidRequestException(
          "a schedule covers at most " + MAX_WINDOW.toDays() + " days: narrow from and to"));
    }
    Future<List<Resource>> chosen = resourceId != null
        ? catalog.resource(providerId, resourceId).map(List::of)
        : catalog.resources(providerId, PageRequest.first(MAX_RESOURCES + 1)).map(page -> page.items());
    return chosen.compose(resources -> {
      List<Resource> shown = resources.subList(0, Math.min(resources.size(), MAX_RESOURCES));
      List<ResourceSchedule> views = new ArrayList<>();
      Future<Void> chain = Future.succeededFuture();
      for (Resource resource : shown) {
        chain = chain.compose(v -> schedules.load(resource.id())
            .map(schedule -> views.add(view(resource, schedule, window, clock.instant())))
            .mapEmpty());
      }
      return chain.map(v -> new ScheduleView(window, views, resources.size() <= MAX_RESOURCES));
    });
  }

  /** A booking the provider takes for a customer: the type's questions are the booking page's, so none are asked. */
  @Override
  public Future<BookingReceipt> book(String providerId, BookSlotCommand command) {
    if (command == null || command.bookingTypeId() == null) {
      return Future.failedFuture(new InvalidRequestException("bookingTypeId is required"));
    }
    return catalog.bookingType(providerId, command.bookingTypeId()).compose(type -> bookSlot.book(command.unasked()));
  }

  static ResourceSchedule view(Resource resource, Schedule schedule, TimeRange window, Instant now) {
    List<TimeRange> open = OpenTime.around(resource, window);
    List<Entry> entries = schedule.blocks().stream()
        .filter(b -> !b.isExpiredAt(now) && b.span().overlaps(window))
        .map(ProviderCalendarService::entry)
        .toList();
    List<Entry> marked = new ArrayList<>();
    for (Entry e : entries) {
      marked.add(e.withClash(clashOf(e, entries, open)));
    }
    marked.sort(Comparator.comparing((Entry e) -> e.time().start()).thenComparing(e -> e.time().end()));
    List<TimeRange> shownOpen = OpenTime.cut(open, window);
    return new ResourceSchedule(resource.id(), resource.name(), resource.zone(), shownOpen, marked);
  }

  private static Entry entry(Block b) {
    if (b.kind() == Block.Kind.BUSY) {
      return new Entry(Kind.BUSY, b.booked(), b.span(), null, null, null, sourceOf(b.ownerId()), null);
    }
    Kind kind = b.expiresAt() == null ? Kind.BOOKING : Kind.HOLD;
    return new Entry(kind, b.booked(), b.span(), b.ownerId(), b.bookingTypeId(), b.expiresAt(), null, null);
  }

  /** The owner ids of busy blocks start with their source ({@code caldav:}, {@code google:}, {@code outlook:}). */
  static String sourceOf(String ownerId) {
    int colon = ownerId.indexOf(':');
    String prefix = colon < 0 ? "" : ownerId.substring(0, colon);
    return SOURCES.contains(prefix) ? prefix : "external";
  }

  private static Clash clashOf(Entry e, List<Entry> all, List<TimeRange> open) {
    for (Entry other : all) {
      if (other != e && other.time().overlaps(e.time())) {
        return Clash.OVERLAP;
      }
    }
    if (e.kind() != Kind.BUSY && open.stream().noneMatch(r -> r.encloses(e.time()))) {
      return Clash.OUTSIDE_HOURS;
    }
    return null;
  }
}
