package dev.dovetail.calendar.port.in;

import dev.dovetail.calendar.domain.CalendarCollection;
import dev.dovetail.kernel.TimeRange;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/**
 * Writes to a provider's resource calendar: put and delete one object, delete a whole calendar. Ownership (the
 * resource belongs to the provider, checked under the resource's lock) and the input limits
 * ({@code CalendarLimits}) are decided here. An opaque object's busy instances become BUSY blocks of the resource's
 * schedule, refused on any overlap with a booking or hold ({@code SlotUnavailableException}).
 *
 * <p>Failures are domain exceptions: {@code NotFoundException} (no such calendar or object, or another provider's),
 * {@code CalendarObjectChangedException} (a condition failed), {@code BookingEventReadOnlyException},
 * {@code UidInUseException}, {@code SlotUnavailableException}, {@code CalendarNotDeletableException},
 * {@code UnsupportedComponentException} (a kind of object the calendar does not hold),
 * {@code InvalidRequestException} (a limit), {@code ResourceBusyException} (the lock was not had in time).
 */
public interface WriteCalendar {

  /**
   * Puts an object. {@code component} is its kind ({@code VEVENT}, {@code VTODO}, {@code VJOURNAL}), which the
   * calendar must hold ({@code CalendarComponents}; else {@code UnsupportedComponentException}). {@code ifMatch} (an
   * etag, {@code *}, or null) and {@code ifNoneMatchStar} are checked against the freshest calendar inside the write.
   * {@code busy} are the instances it blocks (empty when it is transparent; ignored unless it is an event).
   */
  record PutObject(String providerId, String resourceId, String name, String uid, String component, String ics,
      List<TimeRange> busy, String ifMatch, boolean ifNoneMatchStar) {

    public PutObject {
      busy = List.copyOf(busy);
    }
  }

  /** Deletes an object, if {@code ifMatch} (an etag, {@code *}, or null) holds. */
  record DeleteObject(String providerId, String resourceId, String name, String ifMatch) {}

  /**
   * The calendar after a write, with the revisions it was applied to and the schedule's after it, so a reader that
   * caches calendars can tell whether it saw every write in between.
   */
  record Written(CalendarCollection calendar, long calendarBase, long scheduleBase, long scheduleAfter) {}

  /** What a put did: whether it created the object, and the object's new etag. */
  record PutOutcome(boolean created, String etag, Written written) {}

  Future<PutOutcome> put(PutObject command);

  Future<Written> delete(DeleteObject command);

  /**
   * Deletes a calendar that is not a bookable resource and has no live booking or hold: frees its busy time, then
   * deletes the resource (which retires the id and purges the calendar and schedule).
   */
  Future<Void> deleteCalendar(String providerId, String resourceId);

  /**
   * Sets a calendar's dead properties (display name, description, colour, webcal feed token, the component set a new
   * calendar holds): a null value removes one. The calendar must be the provider's; the change is one compare-and-set,
   * under the resource's lock. A component set is stored only in its checked form ({@code CalendarComponents.encode}).
   */
  Future<CalendarCollection> setProperties(String providerId, String resourceId, Map<String, String> changes);
}
