package dev.dovetail.caldav.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.caldav.dav.Xml;
import dev.dovetail.calendar.domain.CalendarObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("EncodedCalendarData: an object's escaped UTF-8 text, exact whatever its etag says, within its bounds")
class EncodedCalendarDataTest {

  private static CalendarObject object(String href, String ics, String etag) {
    return new CalendarObject(href, href + "@test", ics, etag, 0, false);
  }

  private static String text(String description) {
    return "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDESCRIPTION:" + description + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  }

  /** The cached bytes read back as UTF-8. */
  private static String decoded(EncodedCalendarData cache, CalendarObject o) {
    return cache.of(o).toString();
  }

  @Test
  @DisplayName("two texts under one etag (another tenant's, or a forged one) each get their own bytes")
  void sameEtagOtherText() {
    EncodedCalendarData cache = new EncodedCalendarData(100, 1 << 20);
    CalendarObject mine = object("a.ics", text("mine & <ours>"), "\"same\"");
    CalendarObject theirs = object("a.ics", text("theirs ü €"), "\"same\"");
    for (int round = 0; round < 2; round++) {
      assertThat(decoded(cache, mine)).isEqualTo(Xml.escape(mine.ics()));
      assertThat(decoded(cache, theirs)).isEqualTo(Xml.escape(theirs.ics()));
    }
  }

  @Test
  @DisplayName("the bytes are the escaped text in UTF-8; an equal text (another string) is served from the entry")
  void bytesAndHits() {
    EncodedCalendarData cache = new EncodedCalendarData(100, 1 << 20);
    String ics = text("caf\u00e9 \uD83D\uDE90 \"q\" 'a' & <b>");
    CalendarObject o = CalendarObject.of("a.ics", "a@test", ics, false);
    assertThat(cache.of(o).toString()).isEqualTo(Xml.escape(ics));
    assertThat(cache.of(o).byteLength()).isEqualTo(Xml.escape(ics).getBytes(StandardCharsets.UTF_8).length);
    CalendarObject copy = object("a.ics", new String(ics.toCharArray()), o.etag());
    assertThat(cache.of(copy)).isSameAs(cache.of(o));
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  @DisplayName("many large objects never hold more than the byte bound, nor more entries than the entry bound")
  void bounded() {
    long maxBytes = 200_000;
    EncodedCalendarData cache = new EncodedCalendarData(30, maxBytes);
    String large = "x&".repeat(5_000);
    for (int i = 0; i < 500; i++) {
      String ics = text(large + i);
      CalendarObject o = CalendarObject.of("e" + i + ".ics", "e" + i + "@test", ics, false);
      assertThat(cache.of(o).toString()).isEqualTo(Xml.escape(ics));
      assertThat(cache.bytes()).isLessThanOrEqualTo(maxBytes);
      assertThat(cache.size()).isLessThanOrEqualTo(30);
    }
    assertThat(cache.size()).isPositive();

    EncodedCalendarData few = new EncodedCalendarData(3, 1 << 20);
    for (int i = 0; i < 10; i++) {
      few.of(CalendarObject.of("s" + i + ".ics", "s" + i + "@test", text("small " + i), false));
    }
    assertThat(few.size()).isEqualTo(3);
  }
}
