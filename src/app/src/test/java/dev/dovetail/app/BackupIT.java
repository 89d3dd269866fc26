package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.infra.mongo.EmbeddedMongo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A backup of the embedded store taken under booking load restores into a fresh data dir whose hub serves it all. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class BackupIT {

  private static final Pattern SYNC_TOKEN = Pattern.compile("<[a-zA-Z]*:?sync-token>([^<]+)<");
  private static final String CALENDAR = "/dav/calendars/demo/demo-room/";

  @TempDir
  Path work;

  private Vertx vertx;
  private WebClient client;
  private final List<Hub> hubs = new ArrayList<>();

  @BeforeEach
  void client() {
    vertx = Vertx.vertx();
    client = HubExtension.client(vertx);
  }

  @AfterEach
  void close() {
    vertx.close().await();
    hubs.forEach(Hub::stop);
  }

  @Test
  @DisplayName("a backup taken during a booking burst restores to a hub with every booking made before it, the same "
      + "slots for them, a subset of the original's bookings, and the CalDAV sync token issued before it")
  void backupUnderLoadRestores() throws Exception {
    Hub original = start(work.resolve("original"));
    int port = original.httpPort();
    DemoSession session = DemoSession.login(client, port);
    String appPassword = session.send("POST", "/api/v1/app-passwords", new JsonObject().put("label", "backup"))
        .bodyAsJsonObject().getString("secret");

    List<String> starts = HubFixture.freeStarts(client, port, "demo-30", HubFixture.SYSTEM_CLOCK).await();
    Map<String, String> before = new HashMap<>(); // manage token -> start
    for (int i = 0; i < 6; i += 2) {
      HttpResponse<Buffer> r = HubFixture.book(client, port, "demo-30", starts.get(i), "before" + i + "@example.com")
          .await();
      if (r.statusCode() == 201) {
        before.put(r.bodyAsJsonObject().getString("manageToken"), starts.get(i));
      }
    }
    assertThat(before).isNotEmpty();
    String tokenBefore = syncToken(port, appPassword);

    List<Future<HttpResponse<Buffer>>> load = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      load.add(HubFixture.book(client, port, "demo-30", starts.get(6 + i), "load" + i + "@example.com"));
    }
    HttpResponse<Buffer> backup = client.post(original.metricsPort(), "127.0.0.1", "/backup").send().await();
    Future.join(load).eventually(() -> Future.succeededFuture()).await();
    assertThat(backup.statusCode()).isEqualTo(200);
    assertThat(backup.getHeader("Content-Type")).isEqualTo("application/zip");

    Path restoredDir = work.resolve("restored");
    EmbeddedMongo.restore(new ByteArrayInputStream(backup.body().getBytes()), restoredDir);
    Hub restored = start(restoredDir);
    int port2 = restored.httpPort();

    for (Map.Entry<String, String> booking : before.entrySet()) {
      HttpResponse<Buffer> found = client.get(port2, "127.0.0.1", "/api/v1/public/bookings/" + booking.getKey())
          .send().await();
      assertThat(found.statusCode()).isEqualTo(200);
      assertThat(found.bodyAsString()).contains(booking.getValue());
    }
    List<String> freeAfter = HubFixture.freeStarts(client, port2, "demo-30", HubFixture.SYSTEM_CLOCK).await();
    Map<String, String> originalBookings = bookings(DemoSession.login(client, port));
    Map<String, String> restoredBookings = bookings(DemoSession.login(client, port2));
    assertThat(restoredBookings.values()).containsAll(before.values());
    assertThat(originalBookings).as("the restored bookings are the original's, as they were")
        .containsAllEntriesOf(restoredBookings);
    assertThat(freeAfter).as("every restored booking still blocks its slot")
        .doesNotContainAnyElementsOf(restoredBookings.values());

    HttpResponse<Buffer> sync = client.request(HttpMethod.valueOf("REPORT"), port2, "127.0.0.1", CALENDAR)
        .basicAuthentication("demo", appPassword).putHeader("Content-Type", "application/xml")
        .sendBuffer(Buffer.buffer("<?xml version=\"1.0\"?><d:sync-collection xmlns:d=\"DAV:\"><d:sync-token>"
            + tokenBefore + "</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop>"
            + "</d:sync-collection>")).await();
    assertThat(sync.statusCode()).as("the pre-backup sync token is valid on the restored hub: %s", sync.bodyAsString())
        .isEqualTo(207);
  }

  private Hub start(Path dataDir) {
    AppConfig config = HubFixture.config(null, dataDir, true, HubFixture.noCluster());
    Hub hub = Hub.start(config, new OpsConfig(0, null, "backup-test", Duration.ZERO, Duration.ofSeconds(5),
        Duration.ZERO)).await();
    hubs.add(hub);
    return hub;
  }

  private String syncToken(int port, String appPassword) {
    HttpResponse<Buffer> found = client.request(HttpMethod.valueOf("PROPFIND"), port, "127.0.0.1", CALENDAR)
        .basicAuthentication("demo", appPassword).putHeader("Depth", "0").putHeader("Content-Type", "application/xml")
        .sendBuffer(Buffer.buffer("<?xml version=\"1.0\"?><d:propfind xmlns:d=\"DAV:\"><d:prop><d:sync-token/>"
            + "</d:prop></d:propfind>")).await();
    Matcher m = SYNC_TOKEN.matcher(found.bodyAsString());
    assertThat(m.find()).as(found.bodyAsString()).isTrue();
    return m.group(1);
  }

  /** The provider's confirmed and held bookings, id to start. */
  private static Map<String, String> bookings(DemoSession session) {
    Map<String, String> all = new HashMap<>();
    HttpResponse<Buffer> page = session.send("GET", "/api/v1/bookings?limit=100", null);
    assertThat(page.statusCode()).as(page.bodyAsString()).isEqualTo(200);
    page.bodyAsJsonObject().getJsonArray("items").forEach(item -> {
      JsonObject booking = (JsonObject) item;
      all.put(booking.getString("id"), booking.getString("start"));
    });
    return all;
  }
}
