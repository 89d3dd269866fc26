package dev.dovetail.calendar.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CalendarCollection: sequence, tombstones and sync tokens")
class CalendarCollectionTest {

  private static CalendarObject event(String name, String body) {
    return CalendarObject.of(name + ".ics", name, body, false);
  }

  @Test
  @DisplayName("writing the same bytes again changes nothing; other bytes get a new etag and sequence")
  void identicalWriteIsNoChange() {
    CalendarCollection c = CalendarCollection.empty("r").put(event("a", "x"));
    assertThat(c.put(event("a", "x"))).isSameAs(c);
    CalendarCollection d = c.put(event("a", "y"));
    assertThat(d.sequence()).isEqualTo(2);
    assertThat(d.find("a.ics").orElseThrow().etag()).isNotEqualTo(c.find("a.ics").orElseThrow().etag());
  }

  @Test
  @DisplayName("a second href with the same UID is refused")
  void uidIsUniquePerCalendar() {
    CalendarCollection c = CalendarCollection.empty("r").put(event("a", "x"));
    assertThatThrownBy(() -> c.put(CalendarObject.of("b.ics", "a", "z", false)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("tokens from the future or older than the forgotten deletions are invalid")
  void invalidTokens() {
    CalendarCollection c = CalendarCollection.empty("r");
    for (int i = 0; i < CalendarCollection.MAX_TOMBSTONES + 5; i++) {
      c = c.put(event("e" + i, "x")).remove("e" + i + ".ics");
    }
    CalendarCollection last = c;
    assertThat(last.tombstones()).hasSize(CalendarCollection.MAX_TOMBSTONES);
    assertThatThrownBy(() -> last.changesSince(last.sequence() + 1)).isInstanceOf(InvalidSyncTokenException.class);
    assertThatThrownBy(() -> last.changesSince(1)).isInstanceOf(InvalidSyncTokenException.class);
    assertThat(last.changesSince(last.sequence() - 2).removed()).hasSize(1);
  }
}
