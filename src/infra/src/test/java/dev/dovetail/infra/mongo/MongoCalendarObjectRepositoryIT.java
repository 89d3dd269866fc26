package dev.dovetail.infra.mongo;

import static dev.dovetail.booking.port.out.Outcomes.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.calendar.domain.CalendarObject;
import dev.dovetail.calendar.port.out.CalendarObjectRepository;
import dev.dovetail.calendar.port.out.CalendarObjectRepositoryContract;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("MongoCalendarObjectRepository on the embedded server with the real driver")
class MongoCalendarObjectRepositoryIT implements CalendarObjectRepositoryContract {

  private MongoStore store;

  @BeforeEach
  void connect(Vertx vertx) {
    store = await(MongoFixture.connect(vertx, MongoFixture.freshDatabase()));
  }

  @AfterEach
  void close() {
    await(store.close());
  }

  @Override
  public CalendarObjectRepository calendars() {
    return store.calendars();
  }

  @Test
  @DisplayName("a head stored before ADR 83 is flagged at start-up; its next write counts its recurring objects")
  void olderHeadsAreFlaggedThenCounted() {
    String cal = "cal-older";
    CalendarObject weekly = CalendarObject.of("w.ics", "w@test", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:w\r\n"
        + "RRULE:FREQ=WEEKLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", false);
    CalendarObject single = CalendarObject.of("s.ics", "s@test", "BEGIN:VCALENDAR\r\nUID:s\r\nEND:VCALENDAR\r\n",
        false);
    await(store.calendars().update(cal, c -> c.put(single)));
    await(store.client().updateCollection(MongoCalendarObjectRepository.COLLECTION, new JsonObject().put("_id", cal),
        new JsonObject().put("$unset", new JsonObject().put(MongoCalendarObjectRepository.BUSY_REFRESH, "")
            .put(MongoCalendarObjectRepository.RECURRING, ""))));
    assertThat(await(store.calendars().withRecurringTime())).doesNotContain(cal);

    await(((MongoCalendarObjectRepository) store.calendars()).migrate());
    assertThat(await(store.calendars().withRecurringTime())).as("not yet counted").contains(cal);

    await(store.calendars().update(cal, c -> c.put(weekly)));
    JsonObject head = await(store.client().findOne(MongoCalendarObjectRepository.COLLECTION,
        new JsonObject().put("_id", cal), null));
    assertThat(head.getLong(MongoCalendarObjectRepository.RECURRING)).isEqualTo(1L);
    await(store.calendars().update(cal, c -> c.remove("w.ics")));
    assertThat(await(store.calendars().withRecurringTime())).doesNotContain(cal);
  }
}
