package dev.dovetail.caldav.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A generated corpus of hostile CalDAV requests, the same for the same seed: iCalendar bodies with huge and odd
 * RRULEs, far and early dates, giant VTIMEZONEs, deep nesting, many components and broken UTF-8 (as PUTs), and XML
 * bodies with extreme time ranges, expand windows, deep nesting, DOCTYPEs, long hrefs and broken UTF-8 (as REPORT,
 * PROPFIND, PROPPATCH and MKCALENDAR). Every request is something a stranger with an account could send; the server
 * must answer each with 2xx or 4xx. Shared with the hub test that runs it against a heap-capped hub.
 */
public final class HostileCorpus {

  /** Where a request goes: an object in the calendar, the calendar, a new calendar in the home, or the home. */
  public enum Target { OBJECT, CALENDAR, NEW_CALENDAR, HOME }

  /** One request; {@code kind} names the family it was drawn from (for the report). */
  public record HostileRequest(String kind, String method, Target target, Map<String, String> headers, byte[] body) {

    public String preview() {
      String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
      return kind + " " + method + " " + target + " (" + body.length + " bytes): " + text.replace("\r\n", "\\n");
    }
  }

  private static final String[] FREQS = {"SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY",
      "FORTNIGHTLY", ""};
  private static final String[] YEARS = {"0001", "0999", "1600", "1899", "1900", "1970", "2026", "2027", "2031",
      "2199", "2200", "2201", "9999"};
  private static final String[] DAYS = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
  private static final String ICS = "text/calendar; charset=utf-8";
  private static final String XML = "application/xml; charset=utf-8";

  private final SplittableRandom random;

  public HostileCorpus(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The next {@code n} requests. */
  public List<HostileRequest> next(int n) {
    List<HostileRequest> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(next());
    }
    return out;
  }

  /** One request, from a family chosen at random. */
  public HostileRequest next() {
    int family = random.nextInt(20);
    return switch (family) {
      case 0, 1, 2, 3, 4, 5 -> put("rrule", event(rrule()));
      case 6 -> put("dates", event(datesOnly()));
      case 7 -> put("vtimezone", giantTimezone());
      case 8 -> put("nesting", deepComponents());
      case 9 -> put("many-components", manyComponents());
      case 10 -> new HostileRequest("broken-utf8-ics", "PUT", Target.OBJECT, Map.of("Content-Type", ICS),
          brokenUtf8(event(rrule())));
      case 11, 12, 13 -> report("calendar-query", calendarQuery());
      case 14 -> report("free-busy", freeBusy());
      case 15 -> report("multiget-sync", random.nextBoolean() ? multiget() : syncCollection());
      case 16 -> xml("xml-nesting", pick("REPORT", "PROPFIND", "PROPPATCH"), Target.CALENDAR, deepXml());
      case 17 -> xml("xml-doctype", pick("REPORT", "PROPFIND", "MKCALENDAR"), Target.CALENDAR, doctype());
      case 18 -> new HostileRequest("broken-utf8-xml", pick("REPORT", "PROPFIND", "PROPPATCH"), Target.CALENDAR,
          Map.of("Content-Type", XML, "Depth", "1"), brokenUtf8(calendarQuery()));
      default -> xml("propfind-proppatch-mkcalendar", pick("PROPFIND", "PROPPATCH", "MKCALENDAR"),
          random.nextBoolean() ? Target.NEW_CALENDAR : Target.HOME, properties());
    };
  }

  private HostileRequest put(String kind, String ics) {
    return new HostileRequest(kind, "PUT", Target.OBJECT, Map.of("Content-Type", ICS),
        ics.getBytes(StandardCharsets.UTF_8));
  }

  private HostileRequest report(String kind, String body) {
    return xml(kind, "REPORT", Target.CALENDAR, body);
  }

  private HostileRequest xml(String kind, String method, Target target, String body) {
    return new HostileRequest(kind, method, target, Map.of("Content-Type", XML, "Depth", pick("0", "1", "infinity")),
        body.getBytes(StandardCharsets.UTF_8));
  }

  // iCalendar

  private String event(String inner) {
    String uid = "hostile-" + Long.toHexString(random.nextLong()) + "@corpus";
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//hostile//EN\r\nBEGIN:VEVENT\r\nUID:" + uid
        + "\r\nDTSTAMP:20261101T000000Z\r\n" + inner + "END:VEVENT\r\nEND:VCALENDAR\r\n";
  }

  private String dateTime() {
    String year = random.nextInt(3) == 0 ? YEARS[random.nextInt(YEARS.length)] : "20" + (26 + random.nextInt(10));
    String date = year + two(1 + random.nextInt(12)) + two(1 + random.nextInt(28));
    return switch (random.nextInt(6)) {
      case 0 -> date;
      case 1 -> date + "T" + two(random.nextInt(24)) + two(random.nextInt(60)) + "00";
      case 2 -> date + "T" + two(random.nextInt(30)) + two(random.nextInt(70)) + "00Z";
      default -> date + "T" + two(random.nextInt(24)) + two(random.nextInt(60)) + "00Z";
    };
  }

  private String start() {
    String value = dateTime();
    return switch (random.nextInt(5)) {
      case 0 -> "DTSTART;VALUE=DATE:" + value.substring(0, 8) + "\r\n";
      case 1 -> "DTSTART;TZID=" + pick("Europe/Berlin", "America/New_York", "Nowhere/Atlantis", "W. Europe Standard "
          + "Time") + ":" + value.replace("Z", "") + (value.length() == 8 ? "T090000" : "") + "\r\n";
      default -> "DTSTART:" + value + "\r\n";
    };
  }

  private String length() {
    return switch (random.nextInt(5)) {
      case 0 -> "DURATION:" + pick("PT1M", "PT1H", "P1D", "P9999999W", "-PT1H", "P", "PT0S", "P1Y") + "\r\n";
      case 1 -> "";
      default -> "DTEND:" + dateTime() + "\r\n";
    };
  }

  private String rrule() {
    StringBuilder rule = new StringBuilder("RRULE:FREQ=").append(FREQS[random.nextInt(FREQS.length)]);
    if (random.nextInt(3) == 0) {
      rule.append(";INTERVAL=").append(pick("0", "1", "2", "7", "1000", "1001", "-1", "2147483647", "x"));
    }
    switch (random.nextInt(4)) {
      case 0 -> rule.append(";COUNT=").append(pick("1", "10", "5000", "5001", "200000000", "2147483647", "-5"));
      case 1 -> rule.append(";UNTIL=").append(dateTime());
      default -> { }
    }
    String[] parts = {"BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH",
        "BYSETPOS"};
    int[] ranges = {60, 60, 24, 7, 31, 366, 53, 12, 366};
    for (int p = 0; p < parts.length; p++) {
      if (random.nextInt(4) == 0) {
        int size = random.nextInt(5) == 0 ? 1 + random.nextInt(200) : 1 + random.nextInt(6);
        final int part = p;
        String values = IntStream.range(0, size).mapToObj(i -> part == 3 ? day() : String.valueOf(
            (random.nextInt(8) == 0 ? -1 : 1) * random.nextInt(ranges[part] + 2))).collect(Collectors.joining(","));
        rule.append(';').append(parts[p]).append('=').append(values);
      }
    }
    if (random.nextInt(6) == 0) {
      rule.append(";WKST=").append(pick("MO", "SU", "XX"));
    }
    String extra = random.nextInt(5) == 0 ? "RDATE:" + IntStream.range(0, 1 + random.nextInt(3000))
        .mapToObj(i -> dateTime()).collect(Collectors.joining(",")) + "\r\n" : "";
    String exdate = random.nextInt(6) == 0 ? "EXDATE:" + dateTime() + "\r\n" : "";
    return start() + length() + rule + "\r\n" + extra + exdate + (random.nextBoolean() ? "TRANSP:TRANSPARENT\r\n"
        : "");
  }

  private String day() {
    String ordinal = random.nextInt(3) == 0 ? String.valueOf(random.nextInt(110) - 55) : "";
    return ordinal + DAYS[random.nextInt(DAYS.length)];
  }

  private String datesOnly() {
    return start() + length() + (random.nextBoolean() ? "RECURRENCE-ID:" + dateTime() + "\r\n" : "")
        + "TRANSP:" + pick("OPAQUE", "TRANSPARENT") + "\r\n";
  }

  private String giantTimezone() {
    int observances = random.nextInt(4) == 0 ? 1 + random.nextInt(3000) : 1 + random.nextInt(20);
    StringBuilder zone = new StringBuilder("BEGIN:VTIMEZONE\r\nTZID:Hostile/Zone\r\n");
    for (int i = 0; i < observances; i++) {
      String kind = i % 2 == 0 ? "STANDARD" : "DAYLIGHT";
      zone.append("BEGIN:").append(kind).append("\r\nDTSTART:").append(pick("00010101", "16010101", "19700101",
              "20261025")).append("T030000\r\nTZOFFSETFROM:+0").append(random.nextInt(10)).append("00\r\n")
          .append("TZOFFSETTO:+0").append(random.nextInt(10)).append("00\r\n");
      if (random.nextBoolean()) {
        zone.append("RRULE:FREQ=").append(pick("YEARLY", "MONTHLY", "DAILY", "HOURLY", "MINUTELY"))
            .append(random.nextBoolean() ? ";BYMONTH=10;BYDAY=-1SU" : "").append("\r\n");
      }
      if (observances < 50 && random.nextInt(4) == 0) {
        zone.append("RDATE:").append(IntStream.range(0, 1 + random.nextInt(500)).mapToObj(d -> dateTime()
            .replace("Z", "")).collect(Collectors.joining(","))).append("\r\n");
      }
      zone.append("END:").append(kind).append("\r\n");
    }
    zone.append("END:VTIMEZONE\r\n");
    String uid = "zone-" + Long.toHexString(random.nextLong()) + "@corpus";
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//hostile//EN\r\n" + zone + "BEGIN:VEVENT\r\nUID:" + uid
        + "\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;TZID=Hostile/Zone:20" + (26 + random.nextInt(5))
        + "0615T090000\r\nDURATION:PT1H\r\n" + (random.nextBoolean() ? "RRULE:FREQ=DAILY\r\n" : "")
        + "TRANSP:TRANSPARENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  }

  private String deepComponents() {
    int depth = 1 + random.nextInt(random.nextBoolean() ? 5000 : 50);
    String name = pick("VALARM", "X-NEST", "VEVENT", "VCALENDAR");
    return event("DTSTART:20270101T090000Z\r\nDURATION:PT1H\r\nTRANSP:TRANSPARENT\r\n"
        + ("BEGIN:" + name + "\r\nACTION:DISPLAY\r\nTRIGGER:-PT5M\r\n").repeat(depth)
        + ("END:" + name + "\r\n").repeat(random.nextInt(3) == 0 ? depth / 2 : depth));
  }

  private String manyComponents() {
    int count = 1 + random.nextInt(random.nextBoolean() ? 3000 : 30);
    String uid = "many-" + Long.toHexString(random.nextLong()) + "@corpus";
    StringBuilder s = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//hostile//EN\r\n");
    s.append("BEGIN:VEVENT\r\nUID:").append(uid).append("\r\nDTSTAMP:20261101T000000Z\r\n")
        .append("DTSTART:20270105T090000Z\r\nDURATION:PT30M\r\nRRULE:FREQ=DAILY\r\nTRANSP:TRANSPARENT\r\n")
        .append("END:VEVENT\r\n");
    for (int i = 0; i < count; i++) {
      s.append("BEGIN:").append(random.nextInt(10) == 0 ? "VTODO" : "VEVENT").append("\r\nUID:").append(uid)
          .append("\r\nDTSTAMP:20261101T000000Z\r\nRECURRENCE-ID:2027").append(two(1 + i % 12)).append(two(1 + i % 28))
          .append("T090000Z\r\nDTSTART:").append(dateTime()).append("\r\nDURATION:PT1H\r\n")
          .append(random.nextInt(5) == 0 ? "STATUS:CANCELLED\r\n" : "").append("END:VEVENT\r\n");
    }
    return s.append("END:VCALENDAR\r\n").toString().replace("BEGIN:VTODO", "BEGIN:VTODO\r\nX:1");
  }

  private byte[] brokenUtf8(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    int flips = 1 + random.nextInt(8);
    for (int i = 0; i < flips && bytes.length > 0; i++) {
      bytes[random.nextInt(bytes.length)] = (byte) (int) pick(0xC0, 0xFF, 0xE2, 0x80, 0xED, 0xF4, 0x00);
    }
    return bytes;
  }

  // XML

  private String utc() {
    return switch (random.nextInt(8)) {
      case 0 -> pick("00010101T000000Z", "99991231T235959Z", "18991231T000000Z", "22000101T000000Z");
      case 1 -> pick("2026", "20261301T000000Z", "T000000Z", "", "20261124T000000", "-1", "99999999T999999Z");
      default -> dateTime().length() == 8 ? "20270101T000000Z" : dateTime().replaceAll("[^0-9TZ]", "")
          .replaceFirst("^(\\d{8}T\\d{6})$", "$1Z");
    };
  }

  private String range(String element) {
    return "<c:" + element + (random.nextInt(8) == 0 ? "" : " start=\"" + utc() + "\"")
        + (random.nextInt(8) == 0 ? "" : " end=\"" + utc() + "\"") + "/>";
  }

  private String calendarQuery() {
    String data = switch (random.nextInt(5)) {
      case 0 -> "<c:calendar-data>" + range("expand") + "</c:calendar-data>";
      case 1 -> "<c:calendar-data>" + range("limit-recurrence-set") + "</c:calendar-data>";
      case 2 -> "<c:calendar-data><c:comp name=\"VCALENDAR\"><c:comp name=\"VEVENT\"><c:prop name=\"UID\"/>"
          + "</c:comp></c:comp>" + (random.nextBoolean() ? range("expand") : "") + "</c:calendar-data>";
      case 3 -> "<c:calendar-data/>";
      default -> "";
    };
    String inner = switch (random.nextInt(4)) {
      case 0 -> "";
      case 1 -> "<c:prop-filter name=\"" + pick("SUMMARY", "UID", "", "DTSTART") + "\"><c:text-match"
          + " collation=\"" + pick("i;ascii-casemap", "i;octet", "i;unicode-casemap", "") + "\" negate-condition=\""
          + pick("yes", "no") + "\">" + "x".repeat(random.nextInt(3) == 0 ? 50_000 : 3) + "</c:text-match>"
          + "</c:prop-filter>";
      default -> range("time-range");
    };
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?><c:calendar-query xmlns:d=\"DAV:\""
        + " xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:prop><d:getetag/>" + data + "</d:prop><c:filter>"
        + "<c:comp-filter name=\"" + pick("VCALENDAR", "VCALENDAR", "VEVENT", "") + "\"><c:comp-filter name=\""
        + pick("VEVENT", "VEVENT", "VTODO", "VJOURNAL", "VALARM") + "\">" + inner
        + "</c:comp-filter></c:comp-filter></c:filter>" + (random.nextInt(6) == 0 ? "<c:timezone>" + giantTimezone()
        + "</c:timezone>" : "") + "</c:calendar-query>";
  }

  private String freeBusy() {
    return "<?xml version=\"1.0\"?><c:free-busy-query xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
        + range("time-range") + "</c:free-busy-query>";
  }

  private String multiget() {
    int hrefs = random.nextInt(3) == 0 ? 1 + random.nextInt(5000) : 1 + random.nextInt(10);
    String list = IntStream.range(0, hrefs).mapToObj(i -> "<d:href>" + pick("/dav/calendars/alice/room/x.ics",
        "/dav/calendars/bob/studio/x.ics", "../../../etc/passwd", "%00", "/dav/calendars/demo/" + "a".repeat(50),
        "http://[::1]:0/x") + "</d:href>").collect(Collectors.joining());
    return "<?xml version=\"1.0\"?><c:calendar-multiget xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
        + "<d:prop><d:getetag/><c:calendar-data>" + (random.nextBoolean() ? range("expand") : "")
        + "</c:calendar-data></d:prop>" + list + "</c:calendar-multiget>";
  }

  private String syncCollection() {
    return "<?xml version=\"1.0\"?><d:sync-collection xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
        + "<d:sync-token>" + pick("", "https://dovetail.dev/ns/sync/0", "https://dovetail.dev/ns/sync/-1",
        "https://dovetail.dev/ns/sync/99999999999999999999", "garbage", "https://dovetail.dev/ns/sync/1")
        + "</d:sync-token><d:sync-level>" + pick("1", "infinite", "x") + "</d:sync-level><d:prop><d:getetag/>"
        + (random.nextBoolean() ? "<c:calendar-data>" + range("expand") + "</c:calendar-data>" : "")
        + "</d:prop>" + (random.nextBoolean() ? "<d:limit><d:nresults>" + pick("0", "-1", "99999999999") + "</d:nresults></d:limit>" : "")
        + "</d:sync-collection>";
  }

  private String deepXml() {
    int depth = random.nextBoolean() ? 1 + random.nextInt(20_000) : 1 + random.nextInt(100);
    String name = pick("d:prop", "c:comp-filter", "x:y", "d:set");
    String open = "<" + name + (name.startsWith("c:comp") ? " name=\"VEVENT\"" : "") + ">";
    return "<?xml version=\"1.0\"?><" + pick("c:calendar-query", "d:propfind", "d:propertyupdate")
        + " xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\" xmlns:x=\"urn:x\">" + open.repeat(depth)
        + ("</" + name + ">").repeat(random.nextInt(4) == 0 ? depth / 2 : depth) + "</"
        + pick("c:calendar-query", "d:propfind", "d:propertyupdate") + ">";
  }

  private String doctype() {
    return "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">"
        + (random.nextBoolean() ? "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">" : "") + "]>"
        + "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:displayname>&lol2;" + (random.nextBoolean() ? "&xxe;" : "")
        + "</d:displayname></d:prop></d:propfind>";
  }

  private String properties() {
    int count = random.nextInt(3) == 0 ? 1 + random.nextInt(5000) : 1 + random.nextInt(10);
    String props = IntStream.range(0, count).mapToObj(i -> switch (random.nextInt(5)) {
      case 0 -> "<d:displayname>" + "n".repeat(count < 10 && random.nextInt(3) == 0 ? 300_000 : 10)
          + "</d:displayname>";
      case 1 -> "<c:supported-calendar-component-set>" + "<c:comp name=\"" + pick("VEVENT", "VTODO", "VJOURNAL",
          "VFREEBUSY", "X-ODD") + "\"/>".repeat(1) + "</c:supported-calendar-component-set>";
      case 2 -> "<x:p" + i + " xmlns:x=\"urn:" + i + "\">" + i + "</x:p" + i + ">";
      case 3 -> "<c:calendar-timezone>BEGIN:VCALENDAR\r\nBEGIN:VTIMEZONE\r\nTZID:" + i
          + "\r\nEND:VTIMEZONE\r\nEND:VCALENDAR\r\n</c:calendar-timezone>";
      default -> "<c:calendar-description>" + "&amp;".repeat(random.nextInt(count < 10 ? 100_000 : 100))
          + "</c:calendar-description>";
    }).collect(Collectors.joining());
    return "<?xml version=\"1.0\"?>" + pick("<d:propfind xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
            + "<d:prop>" + props + "</d:prop></d:propfind>",
        "<d:propertyupdate xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:set><d:prop>" + props
            + "</d:prop></d:set></d:propertyupdate>",
        "<c:mkcalendar xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:set><d:prop>" + props
            + "</d:prop></d:set></c:mkcalendar>");
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : String.valueOf(n);
  }

  @SafeVarargs
  private <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }
}
