package dev.dovetail.caldav.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import net.fortuna.ical4j.model.ZoneRulesProviderImpl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SharedZoneRules: a VTIMEZONE's rules are built once per definition, never mixed with another's")
class SharedZoneRulesTest {

  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final String BERLIN_RULES = "BEGIN:STANDARD\r\nDTSTART:19701025T030000\r\nTZOFFSETFROM:+0200\r\n"
      + "TZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\n"
      + "DTSTART:19700329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"
      + "END:DAYLIGHT\r\n";
  /** A custom definition under the same TZID: always five hours ahead of UTC. */
  private static final String ODD_RULES = "BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0500\r\n"
      + "TZOFFSETTO:+0500\r\nEND:STANDARD\r\n";

  private static String event(String uid, String rules, String localStart) {
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n" + rules
        + "END:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20261101T000000Z\r\n"
        + "DTSTART;TZID=Europe/Berlin:" + localStart + "\r\nDURATION:PT1H\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  }

  private static Instant start(String uid, String rules, String localStart) {
    var spans = ObjectSpans.of("\"" + uid + "\"", event(uid, rules, localStart), UTC,
        Instant.parse("2027-01-01T00:00:00Z"));
    assertThat(spans.spans()).as(uid).hasSize(1);
    return spans.spans().get(0).start();
  }

  @Test
  @DisplayName("winter and summer times under a shared definition, then a custom definition with the same TZID, then"
      + " the shared one again: each object keeps its own offsets")
  void definitionsAreKeptApart() {
    assertThat(start("winter", BERLIN_RULES, "20270105T090000")).isEqualTo(Instant.parse("2027-01-05T08:00:00Z"));
    assertThat(start("summer", BERLIN_RULES, "20270705T090000")).isEqualTo(Instant.parse("2027-07-05T07:00:00Z"));
    assertThat(start("odd", ODD_RULES, "20270705T090000")).isEqualTo(Instant.parse("2027-07-05T04:00:00Z"));
    assertThat(start("summer-again", BERLIN_RULES, "20270706T090000"))
        .isEqualTo(Instant.parse("2027-07-06T07:00:00Z"));
  }

  @Test
  @DisplayName("500 objects repeating one definition take one of ical4j's pooled zone ids, not 500")
  void oneDefinitionOneZone() {
    var pool = ZoneRulesProviderImpl.getInstance().orElseThrow().getZoneIdPool();
    start("first", BERLIN_RULES, "20270301T090000");
    int before = pool.availableZoneIds();
    for (int i = 0; i < 500; i++) {
      assertThat(start("repeat-" + i, BERLIN_RULES, "20270301T090000"))
          .isEqualTo(Instant.parse("2027-03-01T08:00:00Z"));
    }
    assertThat(before - pool.availableZoneIds()).isLessThan(5);
  }
}
