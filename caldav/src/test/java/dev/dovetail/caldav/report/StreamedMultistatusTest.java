package dev.dovetail.caldav.report;

import static dev.dovetail.caldav.CalDavServerFixture.ROOM;
import static dev.dovetail.caldav.CalDavServerFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.caldav.CalDavServerFixture.Response;
import dev.dovetail.caldav.DavTestBase;
import dev.dovetail.caldav.dav.MultiStatusStream;
import dev.dovetail.caldav.dav.Ns;
import dev.dovetail.caldav.dav.Xml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A multistatus larger than a chunk is streamed (chunked), with exactly the text it had when built whole")
class StreamedMultistatusTest extends DavTestBase {

  private static final int OBJECTS = 160;
  private static final String PROPS = "<d:prop><d:getetag/><c:calendar-data/></d:prop>";
  private final List<String> names = new ArrayList<>();

  @BeforeEach
  void fill() {
    // each object ~3.5 KB escaped, with characters that must be escaped, so the answer is a few chunks long
    String description = "DESCRIPTION:" + "Fish & chips <for> \"two\" 'now' ".repeat(60) + "\r\n";
    for (int i = 0; i < OBJECTS; i++) {
      String name = String.format("e%03d.ics", i);
      String day = String.format("202612%02dT", 1 + i % 28);
      assertThat(dav.put(name, event(name + "@test", day + "090000Z", day + "100000Z", description)).status())
          .isEqualTo(201);
      names.add(name);
    }
  }

  /** The multistatus as MultiStatus wrote it in one piece: every object, in href order, with etag and text. */
  private String expected(List<String> hrefs, String afterResponses) {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<d:multistatus")
        .append(Ns.DECLARATIONS).append('>');
    for (String name : hrefs) {
      Response get = dav.request("GET", ROOM + name, null);
      b.append("<d:response><d:href>").append(ROOM).append(name).append("</d:href><d:propstat><d:prop><d:getetag>")
          .append(Xml.escape(get.header("etag"))).append("</d:getetag><c:calendar-data>").append(Xml.escape(get.body()))
          .append("</c:calendar-data></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>");
    }
    return b.append(afterResponses).append("</d:multistatus>").toString();
  }

  private static void assertStreamed(Response r) {
    assertThat(r.status()).isEqualTo(207);
    assertThat(r.body().length()).isGreaterThan(2 * MultiStatusStream.CHUNK_BYTES);
    assertThat(r.header("transfer-encoding")).isEqualTo("chunked");
    assertThat(r.header("content-length")).isNull();
    assertThat(r.header("content-type")).isEqualTo("application/xml; charset=utf-8");
  }

  @Test
  @DisplayName("calendar-query with calendar-data, with and without a time range")
  void calendarQuery() {
    String whole = "<c:calendar-query xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">" + PROPS
        + "<c:filter><c:comp-filter name=\"VCALENDAR\"><c:comp-filter name=\"VEVENT\">%s</c:comp-filter>"
        + "</c:comp-filter></c:filter></c:calendar-query>";
    Response all = dav.request("REPORT", ROOM, String.format(whole, ""), Map.of("Depth", "1"));
    assertStreamed(all);
    assertThat(all.body()).isEqualTo(expected(names, ""));

    Response december = dav.request("REPORT", ROOM,
        String.format(whole, "<c:time-range start=\"20261201T000000Z\" end=\"20270101T000000Z\"/>"),
        Map.of("Depth", "1"));
    assertStreamed(december);
    assertThat(december.body()).isEqualTo(all.body());
  }

  @Test
  @DisplayName("an object rewritten through one node is streamed with its new text and etag by the next query on another")
  void otherNodesChangeIsStreamed() {
    int second = dav.secondNode();
    String query = "<c:calendar-query xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">" + PROPS
        + "<c:filter><c:comp-filter name=\"VCALENDAR\"><c:comp-filter name=\"VEVENT\"/></c:comp-filter>"
        + "</c:filter></c:calendar-query>";
    Response before = dav.requestTo(second, "REPORT", ROOM, query, Map.of("Depth", "1"));
    assertThat(before.body()).isEqualTo(expected(names, ""));

    String day = "20261205T";
    assertThat(dav.put("e004.ics", event("e004.ics@test", day + "090000Z", day + "110000Z",
        "DESCRIPTION:rewritten & <moved>\r\n")).status()).isEqualTo(204);

    Response after = dav.requestTo(second, "REPORT", ROOM, query, Map.of("Depth", "1"));
    assertStreamed(after);
    assertThat(after.body()).isEqualTo(expected(names, "")).isNotEqualTo(before.body())
        .contains("rewritten &amp; &lt;moved&gt;");
  }

  @Test
  @DisplayName("calendar-multiget, a missing href answered 404 in its place")
  void multiget() {
    StringBuilder hrefs = new StringBuilder();
    List<String> asked = new ArrayList<>(names);
    asked.add(60, "missing.ics");
    asked.forEach(n -> hrefs.append("<d:href>").append(ROOM).append(n).append("</d:href>"));
    Response r = dav.request("REPORT", ROOM, "<c:calendar-multiget xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns"
        + ":caldav\">" + PROPS + hrefs + "</c:calendar-multiget>", Map.of("Depth", "1"));
    assertStreamed(r);
    String missing = "<d:response><d:href>" + ROOM + "missing.ics</d:href><d:status>HTTP/1.1 404 Not Found"
        + "</d:status></d:response>";
    String first = expected(names.subList(0, 60), "");
    String rest = expected(names.subList(60, OBJECTS), "");
    String head = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<d:multistatus" + Ns.DECLARATIONS + ">";
    assertThat(r.body()).isEqualTo(first.substring(0, first.length() - "</d:multistatus>".length()) + missing
        + rest.substring(head.length()));
  }

  @Test
  @DisplayName("sync-collection from the empty token, its sync-token after the responses")
  void syncCollection() {
    Response r = dav.request("REPORT", ROOM, "<d:sync-collection xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns"
        + ":caldav\"><d:sync-token/><d:sync-level>1</d:sync-level>" + PROPS + "</d:sync-collection>",
        Map.of("Depth", "1"));
    assertStreamed(r);
    Matcher token = Pattern.compile("<d:sync-token>[^<]+</d:sync-token>").matcher(r.body());
    assertThat(token.find()).isTrue();
    assertThat(r.body()).isEqualTo(expected(names, token.group()));
  }

  @Test
  @DisplayName("PROPFIND Depth 1 on a calendar: the collection first, then every member, as it was built whole")
  void propfindMembers() {
    Response r = dav.request("PROPFIND", ROOM, "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:getetag/></d:prop>"
        + "</d:propfind>", Map.of("Depth", "1"));
    assertThat(r.status()).isEqualTo(207);
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<d:multistatus")
        .append(Ns.DECLARATIONS).append("><d:response><d:href>").append(ROOM).append("</d:href><d:propstat><d:prop>"
            + "<d:getetag/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat></d:response>");
    for (String name : names) {
      b.append("<d:response><d:href>").append(ROOM).append(name).append("</d:href><d:propstat><d:prop><d:getetag>")
          .append(Xml.escape(dav.request("GET", ROOM + name, null).header("etag")))
          .append("</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>");
    }
    assertThat(r.body()).isEqualTo(b.append("</d:multistatus>").toString());
  }

  @Test
  @DisplayName("an answer that fits in one chunk is sent whole, with its Content-Length")
  void smallAnswerIsWhole() {
    Response r = dav.request("REPORT", ROOM, "<c:calendar-multiget xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns"
        + ":caldav\">" + PROPS + "<d:href>" + ROOM + "e001.ics</d:href></c:calendar-multiget>", Map.of("Depth", "1"));
    assertThat(r.status()).isEqualTo(207);
    assertThat(r.header("transfer-encoding")).isNull();
    assertThat(r.header("content-length")).isEqualTo(String.valueOf(r.body().length()));
    assertThat(r.body()).isEqualTo(expected(List.of("e001.ics"), ""));
  }
}
