package dev.dovetail.webhook.port.out;

import dev.dovetail.webhook.domain.Attempt;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Map;

/**
 * Posts one signed event body to an endpoint's URL and reports what happened as an {@link Attempt}. The future always
 * succeeds: refusals (unsafe address, redirect), timeouts and connection errors are attempts with an error.
 * Implementations refuse loopback, link-local, private and metadata addresses after DNS resolution, and never follow
 * redirects.
 */
public interface WebhookTransport {

  Future<Attempt> post(String url, Map<String, String> headers, String body, Duration timeout);
}
