package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Interop: tsdav (npm; the CalDAV client Cal.com uses) against a running hub: account discovery from the server
 * root, calendar listing with ctag and sync token, create, time-range fetch, update with the etag, a stale etag
 * refused, collection sync, delete. The client lives in .ci/tsdav (installed by .ci/run with npm); skipped only if
 * node or that install is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@DisplayName("Interop: tsdav drives a running hub")
class TsdavInteropIT {

  private static final Path NODE = Path.of("/usr/bin/node");
  private static final Path CLIENT_DIR = Path.of("../../.ci/tsdav").toAbsolutePath().normalize();


  @RegisterExtension
  static final HubExtension HUB = HubExtension.builder().build();

  private Hub hub;
  private WebClient client;

  @BeforeAll
  void startHub() {
    hub = HUB.hub();
    client = HUB.client();
  }

  @Test
  @DisplayName("discovery, fetch, create, update with etags, stale write refused, sync and delete work from tsdav")
  void tsdavClient() throws Exception {
    assertTrue(Files.isExecutable(NODE) && Files.isDirectory(CLIENT_DIR.resolve("node_modules/tsdav")),
        "node or .ci/tsdav/node_modules is missing (sudo .ci/install-test-deps)");
    int port = hub.httpPort();
    List<String> starts = HUB.freeStarts("demo-60");
    String free = starts.get(starts.size() - 1);
    Process p = new ProcessBuilder(NODE.toString(), "client.js", "http://127.0.0.1:" + port, "demo",
        HubExtension.DEMO_PASSWORD, free).directory(CLIENT_DIR.toFile()).redirectErrorStream(true).start();
    String output;
    try (InputStream in = p.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    JsonObject out = new JsonObject(output.strip().lines().reduce((a, b) -> b).orElseThrow());
    String base = "http://127.0.0.1:" + port + "/dav/calendars/demo/demo-room/";
    assertThat(out.getString("principal")).endsWith("/dav/principals/demo/");
    assertThat(out.getString("home")).endsWith("/dav/calendars/demo/");
    assertThat(out.getJsonArray("calendars").getList()).contains(base);
    assertThat(out.getString("syncToken")).startsWith("https://dovetail.dev/ns/sync/");
    assertThat(out.getInteger("createStatus")).isEqualTo(201);
    assertThat(out.getJsonArray("inRange").getList()).containsExactly(base + "tsdav-1.ics");
    assertThat(out.getInteger("updateStatus")).isEqualTo(204);
    assertThat(out.getInteger("staleStatus")).isEqualTo(412);
    assertThat(out.getJsonArray("syncUpdated").getList()).contains(base);
    assertThat(out.getInteger("deleteStatus")).isEqualTo(204);
    assertThat(out.getJsonArray("afterDelete").getList()).doesNotContain(base + "tsdav-1.ics");
    assertThat(HUB.freeStarts("demo-60")).contains(free);
  }
}
