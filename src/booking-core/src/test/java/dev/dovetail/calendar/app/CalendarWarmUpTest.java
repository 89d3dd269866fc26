package dev.dovetail.calendar.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.app.CatalogService;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.calendar.domain.CalendarCollection;
import dev.dovetail.calendar.domain.CalendarObject;
import dev.dovetail.calendar.domain.ObjectTimes;
import dev.dovetail.calendar.domain.ResourceCalendar;
import dev.dovetail.calendar.port.out.ScheduleRevisions;
import dev.dovetail.testkit.InMemoryBookingRepository;
import dev.dovetail.testkit.InMemoryCalendarObjectRepository;
import dev.dovetail.testkit.InMemoryCatalog;
import dev.dovetail.testkit.InMemoryScheduleRepository;
import dev.dovetail.testkit.MutableClock;
import dev.dovetail.testkit.TestBookings;
import io.vertx.core.Future;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CalendarReadService.warm: after a start, the most written calendars are loaded before anyone asks")
class CalendarWarmUpTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant NOW = Instant.parse("2026-11-23T07:00:00Z");

  /** The store, counting whole-calendar loads (what a cold query pays for). */
  private static final class CountingObjects extends InMemoryCalendarObjectRepository {
    final AtomicInteger loads = new AtomicInteger();

    @Override
    public Future<CalendarCollection> load(String resourceId) {
      loads.incrementAndGet();
      return super.load(resourceId);
    }

    /** The adapter's one-field read: not a whole-calendar load. */
    @Override
    public Future<Long> revision(String resourceId) {
      return super.load(resourceId).map(CalendarCollection::revision);
    }
  }

  private final InMemoryCatalog.Providers providers = new InMemoryCatalog.Providers();
  private final InMemoryCatalog.Resources resources = new InMemoryCatalog.Resources();
  private final InMemoryScheduleRepository schedules = new InMemoryScheduleRepository();
  private final CountingObjects objects = new CountingObjects();
  private final MutableClock clock = new MutableClock(NOW);
  private final CatalogService catalog = new CatalogService(providers, resources, new InMemoryCatalog.BookingTypes(),
      new InMemoryBookingRepository(), schedules, objects, clock);
  /** A node that has just started: an empty cache. Warming indexes nothing here, so no iCalendar engine is needed. */
  private final CalendarReadService reads = new CalendarReadService(catalog, resources, schedules,
      ScheduleRevisions.reading(schedules), new InMemoryBookingRepository(), objects, noTimes(),
      new CalendarViews(), clock);

  private static ObjectTimes noTimes() {
    return (ObjectTimes) Proxy.newProxyInstance(CalendarWarmUpTest.class.getClassLoader(),
        new Class<?>[] {ObjectTimes.class}, (proxy, method, args) -> {
          throw new UnsupportedOperationException("no iCalendar engine in the core's tests");
        });
  }

  private void calendarWithWrites(String provider, String resource, int writes) {
    resources.insert(TestBookings.officeHours(resource, provider, BERLIN)).await();
    for (int i = 0; i < writes; i++) {
      String name = resource + "-" + i;
      objects.update(resource, c -> c.put(CalendarObject.of(name + ".ics", name + "@test",
          "BEGIN:VCALENDAR\r\nUID:" + name + "\r\nEND:VCALENDAR\r\n", false))).await();
    }
  }

  @Test
  @DisplayName("the two most written of three calendars of two providers are cached; the first read of either loads"
      + " nothing, the third still loads; a calendar whose resource is gone is skipped")
  void mostWrittenAreCached() {
    providers.insert(new Provider("acme", "Acme", "owner@acme.test", BERLIN, NOW)).await();
    providers.insert(new Provider("other", "Other", "owner@other.test", BERLIN, NOW)).await();
    calendarWithWrites("acme", "busy", 5);
    calendarWithWrites("other", "middle", 3);
    calendarWithWrites("acme", "quiet", 1);
    objects.update("orphan", c -> c.put(CalendarObject.of("o.ics", "o@test",
        "BEGIN:VCALENDAR\r\nUID:o\r\nEND:VCALENDAR\r\n", false))).await();
    objects.update("orphan", c -> c.withProperty("x", "y")).await();
    objects.update("orphan", c -> c.withProperty("x", "z")).await();
    objects.update("orphan", c -> c.withProperty("x", "w")).await();

    List<ResourceCalendar> warmed = reads.warm(3).await();

    assertThat(warmed).extracting(c -> c.resource().id()).containsExactly("busy", "middle");
    int loadsAfterWarming = objects.loads.get();
    assertThat(reads.calendar("acme", "busy").await().collection().objects()).hasSize(5);
    assertThat(reads.calendar("other", "middle").await().collection().objects()).hasSize(3);
    assertThat(objects.loads.get()).as("warmed calendars are served from the cache").isEqualTo(loadsAfterWarming);
    assertThat(reads.calendar("acme", "quiet").await().collection().objects()).hasSize(1);
    assertThat(objects.loads.get()).isEqualTo(loadsAfterWarming + 1);
  }
}
