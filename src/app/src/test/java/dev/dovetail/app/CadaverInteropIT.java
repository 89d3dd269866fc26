package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop: Debian's cadaver (a WebDAV command-line client, neon underneath) pointed at the bare host URL of a running
 * hub, logging in from a {@code .netrc}: it opens {@code /}, walks into the demo calendar, uploads an event, lists
 * and fetches it, and deletes it; the hub sees each step. Skipped only if /usr/bin/cadaver is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@DisplayName("Interop: cadaver drives a running hub from the bare host URL")
class CadaverInteropIT {

  private static final Path CADAVER = Path.of("/usr/bin/cadaver");
  private static final String ROOM = "/dav/calendars/demo/demo-room/";

  @TempDir
  Path workDir;

  @RegisterExtension
  static final HubExtension HUB = HubExtension.builder().build();

  private int port;

  @BeforeAll
  void startHub() throws Exception {
    port = HUB.port();
  }

  private String cadaver(String commands) throws Exception {
    Files.writeString(workDir.resolve(".netrc"), "machine 127.0.0.1 login demo password "
        + HubExtension.DEMO_PASSWORD + "\n");
    Files.setPosixFilePermissions(workDir.resolve(".netrc"), java.nio.file.attribute.PosixFilePermissions
        .fromString("rw-------"));
    ProcessBuilder builder = new ProcessBuilder(List.of(CADAVER.toString(), "http://127.0.0.1:" + port + "/"))
        .directory(workDir.toFile()).redirectErrorStream(true);
    builder.environment().put("HOME", workDir.toString());
    Process p = builder.start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(commands.getBytes(StandardCharsets.UTF_8));
    }
    String output;
    try (InputStream out = p.getInputStream()) {
      output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
    return output;
  }

  private HttpResponse<Buffer> get(String path) {
    return HUB.client().request(HttpMethod.GET, port, "127.0.0.1", path)
        .putHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(("demo:" + HubExtension.DEMO_PASSWORD)
            .getBytes(StandardCharsets.UTF_8))).send().await();
  }

  @Test
  @DisplayName("cadaver opens /, cds into the calendar, puts, lists, gets and deletes an event")
  void cadaverSession() throws Exception {
    assumeTrue(Files.isExecutable(CADAVER), "/usr/bin/cadaver is missing (apt-get install cadaver)");
    Files.writeString(workDir.resolve("cadaver-1.ics"), "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//cadaver//EN\r\n"
        + "BEGIN:VEVENT\r\nUID:cadaver-1@test\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:20270105T060000Z\r\n"
        + "DTEND:20270105T063000Z\r\nSUMMARY:From cadaver\r\nTRANSP:TRANSPARENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
    String put = cadaver("cd " + ROOM + "\nput cadaver-1.ics\nls\nget cadaver-1.ics fetched.ics\nquit\n");
    assertThat(put).doesNotContain("Could not access").contains("succeeded").contains("cadaver-1.ics");
    assertThat(get(ROOM + "cadaver-1.ics").bodyAsString()).contains("SUMMARY:From cadaver");
    assertThat(Files.readString(workDir.resolve("fetched.ics"))).contains("SUMMARY:From cadaver");

    String delete = cadaver("cd " + ROOM + "\ndelete cadaver-1.ics\nquit\n");
    assertThat(delete).contains("succeeded");
    assertThat(get(ROOM + "cadaver-1.ics").statusCode()).isEqualTo(404);
  }
}
