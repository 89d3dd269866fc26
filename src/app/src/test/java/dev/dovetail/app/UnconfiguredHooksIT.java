package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 15, item 6: a hub without Google does not mount {@code /hooks/google}. The path then falls to the API's
 * default deny (401 problem), not the push receiver (which answers an unknown channel with an empty 404).
 */
class UnconfiguredHooksIT {

  @RegisterExtension
  static final HubExtension HUB = HubExtension.builder().build();

  @Test
  @DisplayName("without Google configured, POST /hooks/google reaches no push receiver")
  void googleHookIsNotMountedWithoutGoogle() {
    HttpResponse<Buffer> push = HUB.client().post(HUB.port(), "127.0.0.1", "/hooks/google")
        .putHeader("X-Goog-Channel-ID", "not-a-channel").putHeader("X-Goog-Channel-Token", "x").send().await();
    assertThat(push.statusCode()).isEqualTo(401);
    assertThat(push.getHeader("Content-Type")).startsWith("application/problem+json");
  }
}
