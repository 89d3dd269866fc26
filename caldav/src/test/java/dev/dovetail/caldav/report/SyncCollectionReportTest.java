package dev.dovetail.caldav.report;

import static dev.dovetail.caldav.CalDavServerFixture.ROOM;
import static dev.dovetail.caldav.CalDavServerFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.caldav.DavTestBase;
import dev.dovetail.booking.domain.BookingStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("REPORT sync-collection (RFC 6578)")
class SyncCollectionReportTest extends DavTestBase {

  private static final Pattern TOKEN = Pattern.compile("<d:sync-token>([^<]+)</d:sync-token>");

  private static String sync(String token) {
    return "<d:sync-collection xmlns:d=\"DAV:\"><d:sync-token>" + token + "</d:sync-token>"
        + "<d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>";
  }

  private static String token(String body) {
    Matcher m = TOKEN.matcher(body);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  @DisplayName("initial sync lists everything; later syncs list only changes and removals (404), then nothing")
  void incrementalSync() {
    dav.put("a.ics", event("a@test", "20261126T090000Z", "20261126T100000Z", ""));
    dav.put("b.ics", event("b@test", "20261126T110000Z", "20261126T120000Z", ""));
    var first = dav.request("REPORT", ROOM, sync(""));
    assertThat(first.status()).isEqualTo(207);
    assertThat(first.body()).contains("a.ics").contains("b.ics");
    String t1 = token(first.body());

    dav.put("b.ics", event("b@test", "20261126T130000Z", "20261126T140000Z", ""));
    dav.request("DELETE", ROOM + "a.ics", null);
    var second = dav.request("REPORT", ROOM, sync(t1));
    assertThat(second.body()).contains("<d:href>/dav/calendars/alice/room/b.ics</d:href><d:propstat>")
        .contains("<d:href>/dav/calendars/alice/room/a.ics</d:href><d:status>HTTP/1.1 404 Not Found");
    String t2 = token(second.body());
    assertThat(t2).isNotEqualTo(t1);

    var third = dav.request("REPORT", ROOM, sync(t2));
    assertThat(third.body()).doesNotContain("<d:response>");
    assertThat(token(third.body())).isEqualTo(t2);
  }

  @Test
  @DisplayName("a booking made or cancelled elsewhere shows up as a change and as a removal")
  void bookingsSync() {
    String t0 = token(dav.request("REPORT", ROOM, sync("")).body());
    var booking = dav.book("b1", Instant.parse("2026-11-26T09:00:00Z"), Duration.ofMinutes(30));
    var afterBooking = dav.request("REPORT", ROOM, sync(t0));
    assertThat(afterBooking.body()).contains("booking-b1.ics</d:href><d:propstat>");
    String t1 = token(afterBooking.body());
    dav.bookings.update(booking.withStatus(BookingStatus.CANCELLED, CalDavServerFixtureClock.NOW)).await();
    dav.schedules.update("room", s -> s.release("b1", CalDavServerFixtureClock.NOW)).await();
    assertThat(dav.request("REPORT", ROOM, sync(t1)).body())
        .contains("booking-b1.ics</d:href><d:status>HTTP/1.1 404 Not Found");
  }

  @Test
  @DisplayName("a token this calendar never issued is 403 DAV:valid-sync-token")
  void invalidToken() {
    for (String bad : new String[] {"https://dovetail.dev/ns/sync/99", "urn:other:1", "https://dovetail.dev/ns/sync/x"}) {
      var r = dav.request("REPORT", ROOM, sync(bad));
      assertThat(r.status()).as(bad).isEqualTo(403);
      assertThat(r.body()).contains("<d:valid-sync-token/>");
    }
  }

  /** The fixture's fixed instant, named for readability. */
  static final class CalDavServerFixtureClock {
    static final Instant NOW = dev.dovetail.caldav.CalDavServerFixture.NOW;
  }
}
