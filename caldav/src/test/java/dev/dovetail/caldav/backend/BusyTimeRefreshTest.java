package dev.dovetail.caldav.backend;

import static dev.dovetail.caldav.CalDavServerFixture.ROOM;
import static dev.dovetail.caldav.CalDavServerFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.caldav.DavTestBase;
import dev.dovetail.calendar.port.in.RefreshBusyTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RefreshBusyTime: never-ending series keep blocking a year ahead; a clash with a booking keeps the"
    + " booking and is reported")
class BusyTimeRefreshTest extends DavTestBase {

  private static final Instant CLASHING = Instant.parse("2027-11-30T09:00:00Z");
  private static final Instant NEXT = Instant.parse("2027-12-07T09:00:00Z");

  private boolean busyAt(Instant start) {
    return dav.schedules.load("room").await().blocks().stream()
        .anyMatch(b -> b.kind() == Block.Kind.BUSY && b.span().start().equals(start));
  }

  private String clashesProperty() {
    return dav.request("PROPFIND", ROOM, propfind("<x:busy-clashes xmlns:x=\"https://dovetail.dev/ns/caldav\"/>"),
        Map.of("Depth", "0")).body();
  }

  @Test
  @DisplayName("two weeks on, the new instances are blocked except the one a booking holds; that clash is listed"
      + " until the booking goes, then the instance is blocked too")
  void extendsTheWindowAndReportsClashes() {
    // weekly on Tuesdays at 09:00Z, never ending; written on 2026-11-23, so it blocks until 2027-11-24
    dav.put("weekly.ics", event("weekly@test", "20261124T090000Z", "20261124T100000Z", "RRULE:FREQ=WEEKLY\r\n"));
    assertThat(busyAt(Instant.parse("2027-11-23T09:00:00Z"))).isTrue();
    assertThat(busyAt(CLASHING)).isFalse();
    // a customer books the time of a later instance, free when they booked
    dav.book("later", CLASHING, Duration.ofMinutes(30));

    dav.clock.set(dav.clock.instant().plus(Duration.ofDays(14)));
    RefreshBusyTime refresh = dav.calendars.busyTime();
    List<RefreshBusyTime.Clash> clashes = refresh.refresh("room").await();

    assertThat(clashes).extracting(c -> c.time().start()).containsExactly(CLASHING);
    assertThat(busyAt(NEXT)).isTrue();
    assertThat(busyAt(CLASHING)).isFalse();
    assertThat(dav.schedules.load("room").await().blocks()).anyMatch(b -> b.ownerId().equals("later"));
    assertThat(clashesProperty()).contains("weekly.ics 2027-11-30T09:00:00Z/2027-11-30T10:00:00Z");

    // the same sweep again leaves the same blocks and the same clash
    List<Block> before = dav.schedules.load("room").await().blocks();
    assertThat(refresh.sweep().await()).isEqualTo(1);
    assertThat(dav.schedules.load("room").await().blocks()).containsExactlyInAnyOrderElementsOf(before);

    // the booking is cancelled: the next sweep blocks the instance and clears the report
    dav.schedules.update("room", s -> s.release("later", dav.clock.instant())).await();
    assertThat(refresh.sweep().await()).isZero();
    assertThat(busyAt(CLASHING)).isTrue();
    assertThat(clashesProperty()).doesNotContain("weekly.ics");
  }

  @Test
  @DisplayName("a calendar without recurring events is left alone (no schedule write)")
  void nothingToDo() {
    dav.put("once.ics", event("once@test", "20261126T090000Z", "20261126T100000Z", ""));
    long revision = dav.schedules.load("room").await().revision();
    assertThat(dav.calendars.busyTime().refresh("room").await()).isEmpty();
    assertThat(dav.schedules.load("room").await().revision()).isEqualTo(revision);
  }
}
