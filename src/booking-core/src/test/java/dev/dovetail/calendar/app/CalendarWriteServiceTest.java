package dev.dovetail.calendar.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dovetail.booking.app.CatalogService;
import dev.dovetail.booking.app.ScheduleWriter;
import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.domain.SlotUnavailableException;
import dev.dovetail.calendar.domain.BookingEventReadOnlyException;
import dev.dovetail.calendar.domain.CalendarComponents;
import dev.dovetail.calendar.domain.CalendarNotDeletableException;
import dev.dovetail.calendar.domain.CalendarObjectChangedException;
import dev.dovetail.calendar.domain.UidInUseException;
import dev.dovetail.calendar.domain.UnsupportedComponentException;
import dev.dovetail.calendar.port.in.WriteCalendar;
import dev.dovetail.calendar.port.out.ScheduleRevisions;
import dev.dovetail.kernel.NotFoundException;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.testkit.InMemoryBookingRepository;
import dev.dovetail.testkit.InMemoryCalendarObjectRepository;
import dev.dovetail.testkit.InMemoryCatalog;
import dev.dovetail.testkit.InMemoryResourceLock;
import dev.dovetail.testkit.InMemoryScheduleRepository;
import dev.dovetail.testkit.MutableClock;
import dev.dovetail.testkit.TestBookings;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CalendarWriteService: the calendar write use case decides ownership, limits and overlaps")
class CalendarWriteServiceTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant NOW = Instant.parse("2026-11-23T07:00:00Z");
  private static final TimeRange HOUR = TimeRange.of(NOW.plus(Duration.ofDays(2)), Duration.ofHours(1));

  private final MutableClock clock = new MutableClock(NOW);
  private final InMemoryCatalog.Providers providers = new InMemoryCatalog.Providers();
  private final InMemoryCatalog.Resources resources = new InMemoryCatalog.Resources();
  private final InMemoryScheduleRepository schedules = new InMemoryScheduleRepository();
  private final InMemoryCalendarObjectRepository objects = new InMemoryCalendarObjectRepository();
  private final CatalogService catalog = new CatalogService(providers, resources, new InMemoryCatalog.BookingTypes(),
      new InMemoryBookingRepository(), schedules, objects, clock);
  private final List<TimeRange> announced = new ArrayList<>();
  private final WriteCalendar writes = new CalendarWriteService(catalog, new ScheduleWriter(new InMemoryResourceLock(),
      schedules, (resourceId, spans) -> {
        announced.addAll(spans);
        return io.vertx.core.Future.succeededFuture();
      }, (resourceId, failure) -> { }), objects, clock, new CalendarViews());

  /** Time queries need an iCalendar engine, which lives in the CalDAV adapter; these tests make none. */
  private static final dev.dovetail.calendar.domain.ObjectTimes NO_ICALENDAR =
      (dev.dovetail.calendar.domain.ObjectTimes) java.lang.reflect.Proxy.newProxyInstance(
          CalendarWriteServiceTest.class.getClassLoader(),
          new Class<?>[] {dev.dovetail.calendar.domain.ObjectTimes.class}, (proxy, method, args) -> {
            throw new UnsupportedOperationException("no iCalendar engine in the core's tests");
          });

  CalendarWriteServiceTest() {
    providers.insert(new Provider("acme", "Acme", "owner@acme.test", BERLIN, NOW)).await();
    providers.insert(new Provider("other", "Other", "owner@other.test", BERLIN, NOW)).await();
    resources.insert(TestBookings.officeHours("room", "acme", BERLIN)).await();
  }

  private WriteCalendar.PutObject put(String provider, String name, String uid, List<TimeRange> busy) {
    return new WriteCalendar.PutObject(provider, "room", name, uid, "VEVENT", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
        busy, null, false);
  }

  @Test
  @DisplayName("an event calendar refuses a task; a calendar made for tasks stores one without blocking its time, even"
      + " over a booking; a component set other than VEVENT, VTODO, VJOURNAL is refused")
  void tasksNeverBlockTime() {
    WriteCalendar.PutObject task = new WriteCalendar.PutObject("acme", "room", "t.ics", "t@test", "VTODO",
        "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", List.of(HOUR), null, false);
    assertThatThrownBy(() -> writes.put(task).await()).isInstanceOf(UnsupportedComponentException.class);
    writes.setProperties("acme", "room", java.util.Map.of(CalendarComponents.PROPERTY, "vtodo,VEVENT")).await();
    assertThat(objects.load("room").await().properties()).containsEntry(CalendarComponents.PROPERTY, "VEVENT,VTODO");
    schedules.update("room", s -> s.place(List.of(new Block("booking-1", Block.Kind.BOOKING, "type", HOUR, HOUR,
        null, NOW)), NOW)).await();

    assertThat(writes.put(task).await().created()).isTrue();
    assertThat(schedules.load("room").await().blocks()).noneMatch(b -> b.ownerId().startsWith("caldav:"));
    assertThatThrownBy(() -> writes.setProperties("acme", "room",
        java.util.Map.of(CalendarComponents.PROPERTY, "VEVENT,VFREEBUSY")).await())
        .isInstanceOf(UnsupportedComponentException.class);
    assertThat(objects.load("room").await().properties()).containsEntry(CalendarComponents.PROPERTY, "VEVENT,VTODO");
  }

  @Test
  @DisplayName("a put blocks its instances; a delete frees them and announces the freed time after the lock")
  void putBlocksAndDeleteFrees() {
    WriteCalendar.PutOutcome created = writes.put(put("acme", "a.ics", "a@test", List.of(HOUR))).await();
    assertThat(created.created()).isTrue();
    assertThat(schedules.load("room").await().blocks()).extracting(Block::span).containsExactly(HOUR);

    writes.delete(new WriteCalendar.DeleteObject("acme", "room", "a.ics", created.etag())).await();
    assertThat(schedules.load("room").await().blocks()).isEmpty();
    assertThat(announced).containsExactly(HOUR);
  }

  @Test
  @DisplayName("a put whose blocks are the stored ones (none, or the same times) leaves the schedule unwritten; a put"
      + " that moves them writes it and frees the old time")
  void scheduleWrittenOnlyWhenBlocksChange() {
    writes.put(put("acme", "free.ics", "free@test", List.of())).await();
    assertThat(schedules.load("room").await().revision()).isZero();

    WriteCalendar.PutOutcome created = writes.put(put("acme", "a.ics", "a@test", List.of(HOUR))).await();
    long placed = schedules.load("room").await().revision();
    assertThat(placed).isEqualTo(1);

    WriteCalendar.PutObject sameTimes = new WriteCalendar.PutObject("acme", "room", "a.ics", "a@test", "VEVENT",
        "BEGIN:VCALENDAR\r\nX-EDITED:1\r\nEND:VCALENDAR\r\n", List.of(HOUR), created.etag(), false);
    WriteCalendar.PutOutcome edited = writes.put(sameTimes).await();
    assertThat(edited.created()).isFalse();
    assertThat(edited.etag()).isNotEqualTo(created.etag());
    assertThat(objects.load("room").await().find("a.ics").orElseThrow().etag()).isEqualTo(edited.etag());
    assertThat(schedules.load("room").await().revision()).isEqualTo(placed);
    assertThat(schedules.load("room").await().blocks()).extracting(Block::span).containsExactly(HOUR);

    TimeRange later = TimeRange.of(HOUR.end(), Duration.ofHours(1));
    writes.put(new WriteCalendar.PutObject("acme", "room", "a.ics", "a@test", "VEVENT",
        "BEGIN:VCALENDAR\r\nX-EDITED:2\r\nEND:VCALENDAR\r\n", List.of(later), edited.etag(), false)).await();
    assertThat(schedules.load("room").await().revision()).isEqualTo(placed + 1);
    assertThat(schedules.load("room").await().blocks()).extracting(Block::span).containsExactly(later);
    assertThat(announced).containsExactly(HOUR);
  }

  @Test
  @DisplayName("another provider's calendar is not found, and nothing is written")
  void foreignCalendarIsNotFound() {
    assertThatThrownBy(() -> writes.put(put("other", "a.ics", "a@test", List.of(HOUR))).await())
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> writes.deleteCalendar("other", "room").await()).isInstanceOf(NotFoundException.class);
    assertThat(schedules.load("room").await().blocks()).isEmpty();
    assertThat(objects.load("room").await().objects()).isEmpty();
  }

  @Test
  @DisplayName("limits, conditions, reserved names and UIDs, and overlaps are refused with domain exceptions")
  void refusals() {
    assertThatThrownBy(() -> writes.put(put("acme", ".hidden", "a@test", List.of())).await())
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> writes.put(put("acme", "a.ics", "x".repeat(1001), List.of())).await())
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> writes.put(put("acme", "booking-x.ics", "a@test", List.of())).await())
        .isInstanceOf(BookingEventReadOnlyException.class);
    assertThatThrownBy(() -> writes.put(put("acme", "a.ics", "b@dovetail", List.of())).await())
        .isInstanceOf(BookingEventReadOnlyException.class);
    writes.put(put("acme", "a.ics", "a@test", List.of())).await();
    assertThatThrownBy(() -> writes.put(put("acme", "b.ics", "a@test", List.of())).await())
        .isInstanceOf(UidInUseException.class);
    assertThatThrownBy(() -> writes.put(new WriteCalendar.PutObject("acme", "room", "a.ics", "a@test", "VEVENT", "x",
        List.of(), null, true)).await()).isInstanceOf(CalendarObjectChangedException.class);
    schedules.update("room", s -> s.place(List.of(new Block("booking-1", Block.Kind.BOOKING, "type", HOUR, HOUR,
        null, NOW)), NOW)).await();
    assertThatThrownBy(() -> writes.put(put("acme", "c.ics", "c@test", List.of(HOUR))).await())
        .isInstanceOf(SlotUnavailableException.class);
    assertThat(objects.load("room").await().find("c.ics")).isEmpty();
  }

  @Test
  @DisplayName("a bookable resource's calendar cannot be deleted as a calendar")
  void bookableCalendarIsNotDeleted() {
    assertThatThrownBy(() -> writes.deleteCalendar("acme", "room").await())
        .isInstanceOf(CalendarNotDeletableException.class);
    assertThat(resources.findById("room").await()).isPresent();
  }

  @Test
  @DisplayName("dead properties are set and removed for the provider's calendar; another provider's is not found,"
      + " and ReadCalendar reads a property for its owner only")
  void propertiesAreTheOwnersOnly() {
    java.util.Map<String, String> set = new java.util.HashMap<>();
    set.put("displayname", "Room");
    set.put("feed", "secret");
    assertThat(writes.setProperties("acme", "room", set).await().properties())
        .containsEntry("displayname", "Room").containsEntry("feed", "secret");
    java.util.Map<String, String> remove = new java.util.HashMap<>();
    remove.put("displayname", null);
    assertThat(writes.setProperties("acme", "room", remove).await().properties())
        .doesNotContainKey("displayname").containsEntry("feed", "secret");
    assertThatThrownBy(() -> writes.setProperties("other", "room", java.util.Map.of("feed", "mine")).await())
        .isInstanceOf(NotFoundException.class);
    assertThat(objects.load("room").await().properties()).containsEntry("feed", "secret");

    // property reads ask no object for its times: the core's tests have no iCalendar engine
    var reads = new CalendarReadService(catalog, resources, schedules, ScheduleRevisions.reading(schedules),
        new InMemoryBookingRepository(), objects, NO_ICALENDAR, new CalendarViews(), clock);
    assertThat(reads.property("acme", "room", "feed").await()).isEqualTo("secret");
    assertThatThrownBy(() -> reads.property("other", "room", "feed").await()).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> reads.property("acme", "room", "displayname").await())
        .isInstanceOf(NotFoundException.class);
  }
}
