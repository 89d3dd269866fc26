package dev.dovetail.caldav.method;

import static dev.dovetail.caldav.CalDavServerFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.caldav.CalDavServerFixture.Response;
import dev.dovetail.caldav.DavTestBase;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Tasks (VTODO) and journal entries (VJOURNAL) in calendars made for them (RFC 4791 5.2.3, 9.9)")
class TasksAndJournalsTest extends DavTestBase {

  private static final String TASKS = "/dav/calendars/alice/tasks/";
  private static final Pattern HREF = Pattern.compile("/([a-z0-9-]+)\\.ics</d:href>");

  private Response make(String path, String... components) {
    StringBuilder set = new StringBuilder();
    for (String c : components) {
      set.append("<c:comp name=\"").append(c).append("\"/>");
    }
    return dav.request("MKCALENDAR", path, "<c:mkcalendar xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
        + "<d:set><d:prop><c:supported-calendar-component-set>" + set + "</c:supported-calendar-component-set>"
        + "</d:prop></d:set></c:mkcalendar>");
  }

  private static String object(String kind, String uid, String props) {
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:" + kind + "\r\nUID:" + uid
        + "\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:" + uid + "\r\n" + props + "END:" + kind + "\r\nEND:VCALENDAR\r\n";
  }

  private Response put(String calendar, String name, String ics) {
    return dav.request("PUT", calendar + name, ics, Map.of("Content-Type", "text/calendar"));
  }

  private static String query(String component, String start, String end) {
    return "<c:calendar-query xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:prop><d:getetag/></d:prop>"
        + "<c:filter><c:comp-filter name=\"VCALENDAR\"><c:comp-filter name=\"" + component + "\">"
        + (start == null ? "" : "<c:time-range start=\"" + start + "\" end=\"" + end + "\"/>")
        + "</c:comp-filter></c:comp-filter></c:filter></c:calendar-query>";
  }

  /** The names (without .ics) a calendar-query answers. */
  private List<String> found(String calendar, String component, String start, String end) {
    Response r = dav.request("REPORT", calendar, query(component, start, end), Map.of("Depth", "1"));
    assertThat(r.status()).isEqualTo(207);
    Matcher m = HREF.matcher(r.body());
    List<String> names = new java.util.ArrayList<>();
    while (m.find()) {
      names.add(m.group(1));
    }
    return names.stream().sorted().toList();
  }

  @Test
  @DisplayName("a task list is made, says it holds VTODO (PROPPATCH cannot change that), stores, serves, syncs and"
      + " deletes a task, and refuses an event (403 supported-calendar-component, nothing stored); the resource's own"
      + " calendar still refuses tasks")
  void taskList() {
    assertThat(make(TASKS, "VTODO").status()).isEqualTo(201);
    Response props = dav.request("PROPFIND", TASKS, propfind("<c:supported-calendar-component-set/>"),
        Map.of("Depth", "0"));
    assertThat(props.body()).contains("<c:comp name=\"VTODO\"/>").doesNotContain("VEVENT");
    Response change = dav.request("PROPPATCH", TASKS, "<d:propertyupdate xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:"
        + "ns:caldav\"><d:set><d:prop><c:supported-calendar-component-set><c:comp name=\"VEVENT\"/>"
        + "</c:supported-calendar-component-set></d:prop></d:set></d:propertyupdate>");
    assertThat(change.body()).contains("HTTP/1.1 403");
    assertThat(dav.request("PROPFIND", TASKS, propfind("<c:supported-calendar-component-set/>"), Map.of("Depth", "0"))
        .body()).contains("<c:comp name=\"VTODO\"/>").doesNotContain("VEVENT");

    String task = object("VTODO", "buy-milk", "DUE:20261201T100000Z\r\nSTATUS:NEEDS-ACTION\r\n");
    assertThat(put(TASKS, "buy-milk.ics", task).status()).isEqualTo(201);
    assertThat(dav.request("GET", TASKS + "buy-milk.ics", null).body()).isEqualTo(task);
    Response event = put(TASKS, "meeting.ics", event("meeting", "20261201T090000Z", "20261201T100000Z", ""));
    assertThat(event.status()).isEqualTo(403);
    assertThat(event.body()).contains("<c:supported-calendar-component/>");
    String sync = "<d:sync-collection xmlns:d=\"DAV:\"><d:sync-token/><d:sync-level>1</d:sync-level>"
        + "<d:prop><d:getetag/></d:prop></d:sync-collection>";
    assertThat(dav.request("REPORT", TASKS, sync).body()).contains("buy-milk.ics").doesNotContain("meeting.ics");

    Response intoRoom = put("/dav/calendars/alice/room/", "t.ics", task.replace("buy-milk", "t"));
    assertThat(intoRoom.status()).isEqualTo(403);
    assertThat(intoRoom.body()).contains("<c:supported-calendar-component/>");
    assertThat(dav.request("DELETE", TASKS + "buy-milk.ics", null).status()).isEqualTo(204);
    assertThat(dav.request("GET", TASKS + "buy-milk.ics", null).status()).isEqualTo(404);
  }

  @Test
  @DisplayName("in a calendar of events and tasks, a task over an event's time blocks nothing and is not in"
      + " free-busy; each comp-filter finds its own kind only")
  void tasksNeverBlock() {
    String work = "/dav/calendars/alice/work/";
    assertThat(make(work, "VEVENT", "VTODO").status()).isEqualTo(201);
    assertThat(put(work, "meeting.ics", event("meeting", "20261201T100000Z", "20261201T110000Z", "")).status())
        .isEqualTo(201);
    assertThat(put(work, "report.ics", object("VTODO", "report",
        "DTSTART:20261201T090000Z\r\nDUE:20261201T120000Z\r\n")).status()).isEqualTo(201);

    assertThat(dav.schedules.load("work").await().blocks())
        .extracting(b -> b.ownerId()).containsExactly("caldav:meeting.ics#0");
    Response freeBusy = dav.request("REPORT", work, "<c:free-busy-query xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
        + "<c:time-range start=\"20261201T000000Z\" end=\"20261202T000000Z\"/></c:free-busy-query>");
    assertThat(freeBusy.body()).contains("FREEBUSY;FBTYPE=BUSY:20261201T100000Z/20261201T110000Z")
        .doesNotContain("T090000Z/").doesNotContain("T120000Z");
    assertThat(found(work, "VEVENT", "20261201T000000Z", "20261202T000000Z")).containsExactly("meeting");
    assertThat(found(work, "VTODO", "20261201T000000Z", "20261202T000000Z")).containsExactly("report");
    assertThat(found(work, "VTODO", null, null)).containsExactly("report");
    assertThat(found(work, "VJOURNAL", null, null)).isEmpty();
  }

  @Test
  @DisplayName("a VTODO time-range follows the table of RFC 4791 9.9: DTSTART with DURATION or DUE (inclusive"
      + " ends), DTSTART alone, DUE alone, COMPLETED and CREATED, none at all, and a recurring task per instance")
  void todoTimeRangeTable() {
    assertThat(make(TASKS, "VTODO").status()).isEqualTo(201);
    Map<String, String> tasks = Map.of(
        "dur", "DTSTART:20261201T100000Z\r\nDURATION:PT1H\r\n",
        "due", "DTSTART:20261202T100000Z\r\nDUE:20261202T120000Z\r\n",
        "start", "DTSTART:20261203T100000Z\r\n",
        "dueonly", "DUE:20261204T100000Z\r\n",
        "done", "CREATED:20261205T080000Z\r\nCOMPLETED:20261205T100000Z\r\n",
        "completed", "COMPLETED:20261206T100000Z\r\n",
        "created", "CREATED:20261207T100000Z\r\n",
        "none", "",
        "weekly", "DTSTART:20261201T090000Z\r\nDURATION:PT30M\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\n");
    tasks.forEach((uid, props) -> assertThat(put(TASKS, uid + ".ics", object("VTODO", uid, props)).status())
        .isEqualTo(201));

    // DTSTART + DURATION: a range starting exactly at its end still overlaps (an event's would not)
    assertThat(found(TASKS, "VTODO", "20261201T110000Z", "20261201T120000Z")).containsExactly("dur", "none");
    // DTSTART + DUE
    assertThat(found(TASKS, "VTODO", "20261202T110000Z", "20261202T113000Z")).containsExactly("due", "none");
    assertThat(found(TASKS, "VTODO", "20261202T120000Z", "20261202T130000Z")).containsExactly("none");
    // DTSTART alone: an instant
    assertThat(found(TASKS, "VTODO", "20261203T100000Z", "20261203T100100Z")).containsExactly("none", "start");
    assertThat(found(TASKS, "VTODO", "20261203T090000Z", "20261203T100000Z")).containsExactly("none");
    // DUE alone: the range must start before DUE and end at or after it
    assertThat(found(TASKS, "VTODO", "20261204T090000Z", "20261204T100000Z")).containsExactly("dueonly", "none");
    assertThat(found(TASKS, "VTODO", "20261204T100000Z", "20261204T110000Z")).containsExactly("none");
    // COMPLETED and CREATED, COMPLETED alone
    assertThat(found(TASKS, "VTODO", "20261205T090000Z", "20261205T093000Z")).containsExactly("done", "none");
    assertThat(found(TASKS, "VTODO", "20261205T110000Z", "20261205T120000Z")).containsExactly("none");
    assertThat(found(TASKS, "VTODO", "20261206T090000Z", "20261206T100000Z")).containsExactly("completed", "none");
    // CREATED alone: every range ending after it
    assertThat(found(TASKS, "VTODO", "20261207T090000Z", "20261207T100000Z")).containsExactly("none");
    // the recurring task, per instance: 1, 8 and 15 December only
    assertThat(found(TASKS, "VTODO", "20261215T091000Z", "20261215T092000Z"))
        .containsExactly("created", "none", "weekly");
    assertThat(found(TASKS, "VTODO", "20261222T090000Z", "20261222T100000Z")).containsExactly("created", "none");
    assertThat(found(TASKS, "VEVENT", "20261201T000000Z", "20261231T000000Z")).isEmpty();
  }

  @Test
  @DisplayName("journal entries: a dated one overlaps its whole day (floating, in the resource's zone), a timed one"
      + " its instant; the calendar says it holds VJOURNAL")
  void journals() {
    String notes = "/dav/calendars/alice/notes/";
    assertThat(make(notes, "VJOURNAL").status()).isEqualTo(201);
    assertThat(put(notes, "day.ics", object("VJOURNAL", "day", "DTSTART;VALUE=DATE:20261201\r\n")).status())
        .isEqualTo(201);
    assertThat(put(notes, "moment.ics", object("VJOURNAL", "moment", "DTSTART:20261203T100000Z\r\n")).status())
        .isEqualTo(201);
    assertThat(found(notes, "VJOURNAL", "20261201T120000Z", "20261201T130000Z")).containsExactly("day");
    assertThat(found(notes, "VJOURNAL", "20261202T120000Z", "20261202T130000Z")).isEmpty();
    assertThat(found(notes, "VJOURNAL", "20261203T100000Z", "20261203T100100Z")).containsExactly("moment");
    assertThat(found(notes, "VJOURNAL", "20261203T090000Z", "20261203T100000Z")).isEmpty();
    assertThat(dav.request("PROPFIND", notes, propfind("<c:supported-calendar-component-set/>"),
        Map.of("Depth", "0")).body()).contains("<c:comp name=\"VJOURNAL\"/>");
  }

  @Test
  @DisplayName("tasks are bounded like events: a huge COUNT is 403 max-instances, MINUTELY and a far-early DUE are"
      + " refused, two component types in one object are 400; nothing is stored")
  void recurrenceLimitsApply() {
    assertThat(make(TASKS, "VEVENT", "VTODO").status()).isEqualTo(201);
    Response count = put(TASKS, "count.ics", object("VTODO", "count",
        "DTSTART:20261201T090000Z\r\nRRULE:FREQ=HOURLY;COUNT=200000000\r\n"));
    assertThat(count.status()).isEqualTo(403);
    assertThat(count.body()).contains("<c:max-instances/>");
    Response minutely = put(TASKS, "minutely.ics", object("VTODO", "minutely",
        "DTSTART:20261201T090000Z\r\nRRULE:FREQ=MINUTELY\r\n"));
    assertThat(minutely.status()).isEqualTo(403);
    assertThat(minutely.body()).contains("<c:valid-calendar-data/>");
    Response early = put(TASKS, "early.ics", object("VTODO", "early", "DUE:00010101T000000Z\r\n"));
    assertThat(early.status()).isEqualTo(403);
    assertThat(early.body()).contains("<c:min-date-time/>");
    String mixed = object("VTODO", "mixed", "").replace("END:VCALENDAR", "BEGIN:VEVENT\r\nUID:mixed\r\n"
        + "DTSTART:20261201T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR");
    assertThat(put(TASKS, "mixed.ics", mixed).status()).isEqualTo(400);
    assertThat(found(TASKS, "VTODO", null, null)).isEmpty();
  }
}
