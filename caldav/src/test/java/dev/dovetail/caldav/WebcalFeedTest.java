package dev.dovetail.caldav;

import static dev.dovetail.caldav.CalDavServerFixture.ROOM;
import static dev.dovetail.caldav.CalDavServerFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Webcal feed: read-only ICS at an unguessable, revocable URL")
class WebcalFeedTest extends DavTestBase {

  private static final Pattern URL = Pattern.compile("<dt:feed-url><d:href>([^<]+)</d:href>");
  private static final String SET = "<d:propertyupdate xmlns:d=\"DAV:\" xmlns:dt=\"https://dovetail.dev/ns/caldav\">"
      + "<d:set><d:prop><dt:feed-url/></d:prop></d:set></d:propertyupdate>";
  private static final String REMOVE = SET.replace("d:set>", "d:remove>");

  private String feedUrl() {
    Matcher m = URL.matcher(dav.request("PROPFIND", ROOM, null, Map.of("Depth", "0")).body());
    return m.find() ? m.group(1) : null;
  }

  @Test
  @DisplayName("no feed until issued; the feed serves bookings and events without login; re-issuing or removing revokes")
  void feedLifecycle() {
    assertThat(feedUrl()).isNull();
    dav.book("b1", Instant.parse("2026-11-26T09:00:00Z"), Duration.ofMinutes(30));
    dav.put("e1.ics", event("e1@test", "20261126T110000Z", "20261126T120000Z", ""));
    assertThat(dav.request("PROPPATCH", ROOM, SET).status()).isEqualTo(207);
    String url = feedUrl();
    assertThat(url).matches("/webcal/alice/room/[A-Za-z0-9_-]{20,}\\.ics");

    var feed = dav.request("GET", url, null, Map.of("Authorization", ""));
    assertThat(feed.status()).isEqualTo(200);
    assertThat(feed.header("Content-Type")).startsWith("text/calendar");
    assertThat(feed.body()).startsWith("BEGIN:VCALENDAR").contains("UID:b1@dovetail").contains("UID:e1@test")
        .endsWith("END:VCALENDAR\r\n");
    assertThat(dav.request("GET", url.replace("/room/", "/studio/"), null, Map.of("Authorization", "")).status())
        .isEqualTo(404);
    assertThat(dav.request("GET", "/webcal/alice/room/guess.ics", null, Map.of("Authorization", "")).status())
        .isEqualTo(404);

    dav.request("PROPPATCH", ROOM, SET);
    String rotated = feedUrl();
    assertThat(rotated).isNotEqualTo(url);
    assertThat(dav.request("GET", url, null, Map.of("Authorization", "")).status()).isEqualTo(404);
    dav.request("PROPPATCH", ROOM, REMOVE);
    assertThat(feedUrl()).isNull();
    assertThat(dav.request("GET", rotated, null, Map.of("Authorization", "")).status()).isEqualTo(404);
  }
}
