package dev.dovetail.sync.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dovetail.booking.domain.Ids;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.sync.domain.ChangeSet;
import dev.dovetail.sync.domain.ConnectorException;
import dev.dovetail.sync.domain.ExternalChange;
import dev.dovetail.sync.domain.Grant;
import dev.dovetail.sync.domain.OutboundEvent;
import dev.dovetail.sync.domain.OutboundIds;
import dev.dovetail.sync.domain.ShowAs;
import dev.dovetail.sync.domain.WrittenEvent;
import dev.dovetail.sync.testkit.ExternalSide;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CalendarConnector} must do, whatever the service: full and incremental listings, expired tokens,
 * idempotent creates, etag-checked writes, idempotent deletes, and free/busy ({@link FreeBusySupport}, which every
 * connector here offers). Run by the in-memory connector and by each real connector against its emulator.
 */
public interface CalendarConnectorContract {

  CalendarConnector connector();

  Grant grant();

  /** A calendar of the grant's account that starts empty in every test. */
  String calendarId();

  ExternalSide external();

  Instant T0 = Instant.parse("2030-03-04T09:00:00Z");

  private static TimeRange hour(int offset) {
    return TimeRange.of(T0.plus(Duration.ofHours(offset)), Duration.ofHours(1));
  }

  private ChangeSet fullListing() {
    return connector().changes(grant(), calendarId(), null).await();
  }

  private static Map<String, TimeRange> upserts(ChangeSet changes) {
    return changes.changes().stream().filter(c -> c instanceof ExternalChange.Upserted)
        .map(c -> ((ExternalChange.Upserted) c).event())
        .collect(Collectors.toMap(e -> e.eventId(), e -> e.time(), (a, b) -> b));
  }

  private OutboundEvent booking(String bookingId, TimeRange time) {
    return new OutboundEvent(bookingId, OutboundIds.proposedId(grant().connectionId(), bookingId),
        "Booking: Ada", "Booked through Dovetail", time, ZoneId.of("Europe/Berlin"));
  }

  @Test
  @DisplayName("contract: a full listing returns the calendar's events and a token, and says it is full")
  default void fullListingReturnsEventsAndToken() {
    String a = external().create(calendarId(), hour(0), true);
    String b = external().create(calendarId(), hour(3), true);

    ChangeSet full = fullListing();

    assertThat(full.full()).isTrue();
    assertThat(full.nextToken()).isNotBlank();
    assertThat(upserts(full)).containsEntry(a, hour(0)).containsEntry(b, hour(3));
  }

  @Test
  @DisplayName("contract: an incremental listing returns only what changed since the token, deletions as removals")
  default void incrementalListingReturnsChangesAndRemovals() {
    String kept = external().create(calendarId(), hour(0), true);
    String moved = external().create(calendarId(), hour(2), true);
    String deleted = external().create(calendarId(), hour(4), true);
    String token = fullListing().nextToken();

    external().move(calendarId(), moved, hour(5));
    external().delete(calendarId(), deleted);
    String added = external().create(calendarId(), hour(7), true);
    ChangeSet next = connector().changes(grant(), calendarId(), token).await();

    assertThat(next.full()).isFalse();
    assertThat(upserts(next)).containsEntry(moved, hour(5)).containsEntry(added, hour(7)).doesNotContainKey(kept);
    assertThat(next.changes()).anySatisfy(c -> {
      assertThat(c).isInstanceOf(ExternalChange.Removed.class);
      assertThat(c.eventId()).isEqualTo(deleted);
    });
    ChangeSet quiet = connector().changes(grant(), calendarId(), next.nextToken()).await();
    assertThat(upserts(quiet)).isEmpty();
  }

  @Test
  @DisplayName("contract: an expired sync token fails with SyncTokenExpired; a full listing works again")
  default void expiredTokenFailsWithSyncTokenExpired() {
    external().create(calendarId(), hour(0), true);
    String token = fullListing().nextToken();

    external().invalidateTokens(calendarId());

    assertThatThrownBy(() -> connector().changes(grant(), calendarId(), token).await())
        .isInstanceOf(ConnectorException.SyncTokenExpired.class);
    assertThat(upserts(fullListing())).hasSize(1);
  }

  @Test
  @DisplayName("contract: a create retried with the same proposed id makes one event, not two")
  default void createIsIdempotentByProposedId() {
    String bookingId = Ids.random();
    WrittenEvent first = connector().create(grant(), calendarId(), booking(bookingId, hour(1))).await();
    WrittenEvent again = connector().create(grant(), calendarId(), booking(bookingId, hour(1))).await();

    assertThat(again.eventId()).isEqualTo(first.eventId());
    assertThat(external().events(calendarId())).hasSize(1).containsEntry(first.eventId(), hour(1));
  }

  @Test
  @DisplayName("contract: an update with a stale etag fails with EtagMismatch; with the current etag it succeeds")
  default void updateChecksTheEtag() {
    WrittenEvent created = connector().create(grant(), calendarId(), booking(Ids.random(), hour(1))).await();
    WrittenEvent moved = connector().update(grant(), calendarId(), created.eventId(), created.etag(),
        booking("b", hour(2))).await();

    assertThat(moved.etag()).isNotEqualTo(created.etag());
    assertThatThrownBy(() -> connector().update(grant(), calendarId(), created.eventId(), created.etag(),
        booking("b", hour(3))).await()).isInstanceOf(ConnectorException.EtagMismatch.class);
    assertThat(connector().find(grant(), calendarId(), created.eventId()).await()).contains(moved);
    assertThat(external().events(calendarId())).containsEntry(created.eventId(), hour(2));
  }

  @Test
  @DisplayName("contract: deleting checks the etag, and deleting what is already gone succeeds")
  default void deleteIsIdempotentAndChecksTheEtag() {
    WrittenEvent created = connector().create(grant(), calendarId(), booking(Ids.random(), hour(1))).await();
    external().move(calendarId(), created.eventId(), hour(2));

    assertThatThrownBy(() -> connector().delete(grant(), calendarId(), created.eventId(), created.etag()).await())
        .isInstanceOf(ConnectorException.EtagMismatch.class);
    String current = connector().find(grant(), calendarId(), created.eventId()).await().orElseThrow().etag();
    connector().delete(grant(), calendarId(), created.eventId(), current).await();
    connector().delete(grant(), calendarId(), created.eventId(), current).await();

    assertThat(external().events(calendarId())).isEmpty();
    assertThat(connector().find(grant(), calendarId(), created.eventId()).await()).isEmpty();
  }

  @Test
  @DisplayName("contract: free/busy merges busy events within the window and leaves free ones out")
  default void busyMergesAndSkipsFreeEvents() {
    external().create(calendarId(), hour(0), true);
    external().create(calendarId(), TimeRange.of(T0.plus(Duration.ofMinutes(30)), Duration.ofHours(1)), true);
    external().create(calendarId(), hour(4), false);
    external().create(calendarId(), hour(30), true);

    // Every connector under this contract offers live free/busy (a cast that fails is a failed test).
    FreeBusySupport freeBusy = (FreeBusySupport) connector();
    List<TimeRange> busy = freeBusy.busy(grant(), List.of(calendarId()), new TimeRange(T0, T0.plus(
        Duration.ofHours(10)))).await();

    assertThat(busy).containsExactly(new TimeRange(T0, T0.plus(Duration.ofMinutes(90))));
  }

  @Test
  @DisplayName("contract: free events arrive as FREE so the policy can drop them")
  default void freeEventsAreMarkedFree() {
    String free = external().create(calendarId(), hour(0), false);

    assertThat(fullListing().changes()).anySatisfy(c -> {
      assertThat(c.eventId()).isEqualTo(free);
      assertThat(((ExternalChange.Upserted) c).event().showAs()).isEqualTo(ShowAs.FREE);
    });
  }

  @Test
  @DisplayName("contract: the account's calendars include the test calendar")
  default void calendarsIncludeTheTestCalendar() {
    assertThat(connector().calendars(grant()).await()).anySatisfy(c -> assertThat(c.id()).isEqualTo(calendarId()));
  }
}
