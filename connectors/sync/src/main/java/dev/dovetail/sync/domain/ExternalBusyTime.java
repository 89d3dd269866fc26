package dev.dovetail.sync.domain;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.BusyInterval;
import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.kernel.TimeRange;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns an external calendar's changes into BUSY blocks of one resource's {@link Schedule} (a pure function, run
 * inside {@code ScheduleRepository.update}). Each event instance owns the blocks keyed
 * {@code <service>:<calendar>:<event>:<instance>} (parts URL-encoded), with a {@code #n} suffix per fragment: an event
 * that lands on a booking keeps blocking the time around it, the booking stands, and the overlap is reported so the
 * booking can be flagged. Events the hub wrote itself, events the policy calls free, and events that ended before
 * {@link Schedule#RETENTION} are not placed. A full listing replaces everything of the calendar.
 */
public final class ExternalBusyTime {

  /** The resource's schedule after the changes, the time that stopped being busy, and bookings events landed on. */
  public record Outcome(Schedule schedule, List<TimeRange> freed, List<Overlap> overlaps) {}

  /** An external event (block key and full span) that lands on the booking {@code bookingId}. */
  public record Overlap(String bookingId, String eventKey, TimeRange eventSpan) {}

  private ExternalBusyTime() {}

  public static String calendarPrefix(CalendarProvider provider, String calendarId) {
    return provider.key() + ":" + encode(calendarId) + ":";
  }

  public static String eventPrefix(CalendarProvider provider, String calendarId, String eventId) {
    return calendarPrefix(provider, calendarId) + encode(eventId) + ":";
  }

  public static String key(CalendarProvider provider, String calendarId, String eventId, String instanceKey) {
    return eventPrefix(provider, calendarId, eventId) + encode(instanceKey);
  }

  /** The event key of a block owner (the owner without its fragment suffix). */
  public static String keyOfOwner(String owner) {
    int hash = owner.lastIndexOf('#');
    return hash < 0 ? owner : owner.substring(0, hash);
  }

  /**
   * Applies {@code changes} of {@code calendarId} to {@code schedule}. {@code ownEvent} tells the hub's own events
   * (by event id); {@code zone} is the resource's, for all-day events.
   */
  public static Outcome apply(Schedule schedule, CalendarProvider provider, String calendarId, ZoneId zone,
      ChangeSet changes, Predicate<String> ownEvent, BusyPolicy policy, Instant now) {
    Schedule base = schedule.pruned(now);
    Instant oldest = now.minus(Schedule.RETENTION);
    String calendarPrefix = calendarPrefix(provider, calendarId);
    Map<String, TimeRange> placed = new LinkedHashMap<>();
    Set<String> touchedKeys = new HashSet<>();
    Set<String> removedEvents = new HashSet<>();
    for (ExternalChange change : changes.changes()) {
      if (!change.calendarId().equals(calendarId)) {
        continue;
      }
      if (change instanceof ExternalChange.Removed removed) {
        if (removed.instanceKey() == null) {
          String prefix = eventPrefix(provider, calendarId, removed.eventId());
          removedEvents.add(prefix);
          placed.keySet().removeIf(k -> k.startsWith(prefix));
        } else {
          String key = key(provider, calendarId, removed.eventId(), removed.instanceKey());
          placed.remove(key);
          touchedKeys.add(key);
        }
      } else if (change instanceof ExternalChange.Upserted upserted) {
        ExternalEvent event = upserted.event();
        String key = key(provider, calendarId, event.eventId(), event.instanceKey());
        touchedKeys.add(key);
        TimeRange span = event.span(zone);
        if (ownEvent.test(event.eventId()) || !policy.blocks(event.showAs()) || !span.end().isAfter(oldest)) {
          placed.remove(key);
        } else {
          placed.put(key, span);
        }
      }
    }
    List<Block> kept = new ArrayList<>();
    List<TimeRange> dropped = new ArrayList<>();
    List<TimeRange> bookings = new ArrayList<>();
    List<Block> bookingBlocks = new ArrayList<>();
    for (Block b : base.blocks()) {
      if (b.kind() == Block.Kind.BOOKING) {
        bookings.add(b.span());
        bookingBlocks.add(b);
        kept.add(b);
        continue;
      }
      String owner = b.ownerId();
      String key = keyOfOwner(owner);
      boolean drop = owner.startsWith(calendarPrefix)
          && (changes.full() || touchedKeys.contains(key) || removedEvents.stream().anyMatch(owner::startsWith));
      if (drop) {
        dropped.add(b.span());
      } else {
        kept.add(b);
      }
    }
    List<Block> added = new ArrayList<>();
    List<Overlap> overlaps = new ArrayList<>();
    String source = provider.key() + ":" + calendarId;
    placed.forEach((key, span) -> {
      List<TimeRange> fragments = Spans.subtract(span, bookings);
      for (int i = 0; i < fragments.size(); i++) {
        BusyInterval busy = new BusyInterval(key + "#" + i, base.resourceId(), fragments.get(i), source);
        added.add(Block.forBusy(busy, now));
      }
      for (Block booking : bookingBlocks) {
        if (booking.span().overlaps(span)) {
          overlaps.add(new Overlap(booking.ownerId(), key, span));
        }
      }
    });
    kept.addAll(added);
    Schedule next = new Schedule(base.resourceId(), base.revision(), kept);
    List<TimeRange> stillBusy = added.stream().map(Block::span).toList();
    List<TimeRange> freed = new ArrayList<>();
    for (TimeRange gone : Spans.union(dropped)) {
      freed.addAll(Spans.subtract(gone, stillBusy));
    }
    return new Outcome(next, freed, overlaps);
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8);
  }
}
