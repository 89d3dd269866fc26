package dev.dovetail.caldav.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.calendar.domain.CalendarObject;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("IcsParser.kind: the first BEGIN line of an event, task or journal, found without scanning every character")
class IcsKindTest {

  /** What kind() answered before it skipped to the lines beginning with BEGIN: (the whole text, one regex). */
  private static final Pattern REFERENCE = Pattern.compile("^BEGIN:(VEVENT|VTODO|VJOURNAL)\\s*$",
      Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

  private static String reference(String ics) {
    Matcher m = REFERENCE.matcher(ics);
    return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : null;
  }

  @Test
  @DisplayName("answers exactly what the whole-text pattern answers, on ordinary and odd texts")
  void sameAsThePattern() {
    List<String> texts = List.of(
        "BEGIN:VCALENDAR\r\nBEGIN:VTIMEZONE\r\nTZID:X\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:1\r\nEND:VEVENT\r\n"
            + "END:VCALENDAR\r\n",
        "begin:vcalendar\nbegin:vtodo\nend:vtodo\nend:vcalendar\n",
        "BEGIN:VCALENDAR\rBEGIN:VJOURNAL\rEND:VJOURNAL\rEND:VCALENDAR\r",
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENTX\r\nBEGIN:VTODO  \r\n",
        "BEGIN:VCALENDAR\r\nX-NOTE:BEGIN:VEVENT\r\nBEGIN:VJOURNAL\t\r\n",
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT",
        "BEGIN:VEVENT",
        "BEGIN:",
        "BEGIN",
        "",
        "xBEGIN:VEVENT\nBEGIN:VALARM\n",
        "\u2028BEGIN:VTODO\u2028",
        "BEGIN:VCALENDAR\r\nbEgIn:VeVeNt\r\n\r\n\r\nEND:VCALENDAR",
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT x\r\nBEGIN:vjournal\r\n");
    for (String text : texts) {
      assertThat(IcsParser.kind(text)).as(text).isEqualTo(reference(text));
    }
  }

  @Test
  @DisplayName("by etag: the same answer as from the text, the first time and from memory")
  void byEtag() {
    for (String text : List.of("BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\nEND:VTODO\r\nEND:VCALENDAR\r\n",
        "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")) {
      String etag = CalendarObject.etagOf(text);
      assertThat(IcsParser.kind(etag, text)).isEqualTo(IcsParser.kind(text));
      assertThat(IcsParser.kind(etag, text)).isEqualTo(reference(text));
    }
  }
}
