package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sync tokens, etags and objects survive a restart of the hub and its on-disk embedded store (RFC 6578 tokens). */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@DisplayName("CalDAV state survives a hub restart")
class CalDavRestartIT {

  private static final Pattern TOKEN = Pattern.compile("<d:sync-token>([^<]+)</d:sync-token>");
  private static final String ROOM = "/dav/calendars/demo/demo-room/";

  private static String sync(String token) {
    return "<d:sync-collection xmlns:d=\"DAV:\"><d:sync-token>" + token + "</d:sync-token>"
        + "<d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>";
  }

  private static HttpResponse<Buffer> dav(WebClient client, int port, String method, String path, String body) {
    String auth = "Basic " + Base64.getEncoder()
        .encodeToString(("demo:" + HubExtension.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
    var request = client.request(HttpMethod.valueOf(method), port, "127.0.0.1", path).putHeader("Authorization", auth)
        .putHeader("Content-Type", method.equals("PUT") ? "text/calendar" : "application/xml");
    return request.sendBuffer(Buffer.buffer(body)).await();
  }

  private static final String METRICS_TOKEN = "metrics-token-for-tests-0123456789";
  private static final Pattern WARMED = Pattern.compile("(?m)^dovetail_calendars_warmed\\{[^}]*\\} ([0-9.]+)$");

  @RegisterExtension
  static final HubExtension HUB = HubExtension.builder().storeOnDisk()
      .ops(new OpsConfig(0, METRICS_TOKEN, "restarted", OpsConfig.DEFAULT_FIGURES_EVERY, Duration.ofSeconds(5),
          Duration.ZERO))
      .build();

  /** The hub's {@code dovetail_calendars_warmed} gauge, read from its metrics port. */
  private static double warmed(WebClient client, Hub hub) {
    String scrape = client.get(hub.metricsPort(), "127.0.0.1", "/metrics")
        .putHeader("Authorization", "Bearer " + METRICS_TOKEN).send().await().bodyAsString();
    Matcher m = WARMED.matcher(scrape);
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }

  @Test
  @DisplayName("a token issued before the restart is still valid after it and reports exactly the later changes")
  void tokenSurvivesRestart() {
    WebClient client = HUB.client();
    String etag = dav(client, HUB.port(), "PUT", ROOM + "a.ics", event("a@test", "20300107T090000Z"))
        .getHeader("ETag");
    Matcher m = TOKEN.matcher(dav(client, HUB.port(), "REPORT", ROOM, sync("")).bodyAsString());
    assertThat(m.find()).isTrue();
    String token = m.group(1);

    HUB.restart();

    // the calendar written before the restart is loaded and indexed ahead, before any CalDAV request (ADR 59)
    HubFixture.waitUntil(HUB.clientVertx(), () -> warmed(client, HUB.hub()) >= 1, "the calendar warm-up");
    HttpResponse<Buffer> head = dav(client, HUB.port(), "HEAD", ROOM + "a.ics", "");
    assertThat(head.getHeader("ETag")).isEqualTo(etag);
    HttpResponse<Buffer> unchanged = dav(client, HUB.port(), "REPORT", ROOM, sync(token));
    assertThat(unchanged.statusCode()).isEqualTo(207);
    assertThat(unchanged.bodyAsString()).doesNotContain("<d:response>");
    dav(client, HUB.port(), "PUT", ROOM + "b.ics", event("b@test", "20300108T090000Z"));
    String changed = dav(client, HUB.port(), "REPORT", ROOM, sync(token)).bodyAsString();
    assertThat(changed).contains(ROOM + "b.ics").doesNotContain(ROOM + "a.ics");
  }

  private static String event(String uid, String start) {
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:" + uid
        + "\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:" + start + "\r\nDURATION:PT30M\r\nSUMMARY:x\r\nEND:VEVENT\r\n"
        + "END:VCALENDAR\r\n";
  }
}
