package dev.dovetail.caldav;

import static dev.dovetail.caldav.CalDavServerFixture.ROOM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.calendar.domain.CalendarCollection;
import dev.dovetail.testkit.InMemoryCalendarObjectRepository;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 15 item 6: a webcal request is checked against the stored token before any calendar is loaded. */
class WebcalTokenFirstTest {

  /** The in-memory calendars, counting whole-calendar loads (a property read is the adapter's one-field read). */
  static final class CountingCalendars extends InMemoryCalendarObjectRepository {
    final AtomicInteger loads = new AtomicInteger();

    @Override
    public Future<CalendarCollection> load(String resourceId) {
      loads.incrementAndGet();
      return super.load(resourceId);
    }

    /** The adapter's one-field read: not a whole-calendar load. */
    @Override
    public Future<String> property(String resourceId, String name) {
      return super.load(resourceId).map(c -> c.properties().get(name));
    }
  }

  private static final Pattern URL = Pattern.compile("<dt:feed-url><d:href>([^<]+)</d:href>");
  private static final String SET = "<d:propertyupdate xmlns:d=\"DAV:\" xmlns:dt=\"https://dovetail.dev/ns/caldav\">"
      + "<d:set><d:prop><dt:feed-url/></d:prop></d:set></d:propertyupdate>";

  private CountingCalendars calendars;
  private CalDavServerFixture dav;

  @BeforeEach
  void start() {
    calendars = new CountingCalendars();
    dav = new CalDavServerFixture(calendars);
  }

  @AfterEach
  void stop() {
    dav.close();
  }

  @Test
  @DisplayName("a well-formed but wrong feed token is 404 without loading the calendar; the right one loads and serves it")
  void wrongTokenCostsNoCalendarRead() {
    dav.book("b1", Instant.parse("2026-11-26T09:00:00Z"), Duration.ofMinutes(30));
    assertThat(dav.request("PROPPATCH", ROOM, SET).status()).isEqualTo(207);
    Matcher m = URL.matcher(dav.request("PROPFIND", ROOM, null, Map.of("Depth", "0")).body());
    assertThat(m.find()).isTrue();
    String url = m.group(1);
    String token = url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());
    String wrong = url.replace(token, (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1));

    int before = calendars.loads.get();
    for (int i = 0; i < 20; i++) {
      assertThat(dav.request("GET", wrong, null, Map.of("Authorization", "")).status()).isEqualTo(404);
    }
    assertThat(dav.request("GET", "/webcal/alice/nowhere/" + token + ".ics", null, Map.of("Authorization", ""))
        .status()).as("the right token on another resource").isEqualTo(404);
    assertThat(calendars.loads.get()).as("calendar loads for wrong tokens").isEqualTo(before);

    var feed = dav.request("GET", url, null, Map.of("Authorization", ""));
    assertThat(feed.status()).isEqualTo(200);
    assertThat(feed.body()).contains("UID:b1@dovetail");
    assertThat(calendars.loads.get()).as("the right token loads the calendar").isGreaterThan(before);
  }
}
