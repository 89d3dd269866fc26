package dev.dovetail.caldav.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import net.fortuna.ical4j.model.ZoneRulesProviderImpl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("IcsParser and ical4j's pool of zone ids (one per parsed VTIMEZONE until the parse is collected)")
class IcsParserZoneIdsTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static String event(int i) {
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\n"
        + "BEGIN:STANDARD\r\nDTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
        + "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\n"
        + "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\n"
        + "END:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:zone-" + i + "\r\nDTSTAMP:20261101T000000Z\r\n"
        + "DTSTART;TZID=W. Europe Standard Time:20270105T090000\r\n"
        + "DTEND;TZID=W. Europe Standard Time:20270105T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  }

  @Test
  @DisplayName("the pool is far larger than the parse cache (ical4j's default of 1,500 ran dry on a 5,000-event"
      + " calendar and then every parse failed), and zoned objects parse to the right instant")
  void poolOutgrowsTheCache() {
    Instant nine = Instant.parse("2027-01-05T08:00:00Z");
    for (int i = 0; i < 100; i++) {
      var spans = ObjectSpans.of("\"zone-" + i + "\"", event(i), BERLIN, nine);
      assertThat(spans.spans()).as("object %d", i).hasSize(1);
      assertThat(spans.spans().get(0).start()).as("object %d", i).isEqualTo(nine);
    }
    int available = ZoneRulesProviderImpl.getInstance().orElseThrow().getZoneIdPool().availableZoneIds();
    assertThat(available).isGreaterThan(40_000);
  }
}
