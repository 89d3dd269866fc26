package dev.dovetail.app;

import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * What operators set for watching and stopping a hub (issue 16; README "Operations"), kept apart from {@link
 * AppConfig}. {@code /metrics} is served on its own port when {@code metricsPort} is set ({@code 0}: any free port,
 * for tests) and on the public port only behind {@code metricsToken} (a bearer token); with neither, nowhere.
 *
 * @param metricsPort the separate metrics port, or null for none
 * @param metricsToken the bearer token {@code /metrics} requires, or null for none
 * @param node the {@code node} label of every metric (host name and HTTP port unless {@code DOVETAIL_NODE_NAME})
 * @param figuresEvery how old the store's figures (outbox, sync, waitlist, payments) may be when scraped
 * @param shutdownGrace how long a stopping hub lets requests in flight finish
 * @param shutdownDrain how long a stopping hub keeps taking requests with {@code /ready} at 503, so that load
 *     balancers that poll it stop sending first
 */
public record OpsConfig(Integer metricsPort, String metricsToken, String node, Duration figuresEvery,
    Duration shutdownGrace, Duration shutdownDrain) {

  public static final Duration DEFAULT_FIGURES_EVERY = Duration.ofSeconds(15);
  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(20);
  public static final Duration DEFAULT_SHUTDOWN_DRAIN = Duration.ofSeconds(2);

  /** Metrics recorded but served nowhere; the defaults for everything else. */
  public static OpsConfig quiet(int httpPort) {
    return new OpsConfig(null, null, defaultNode(httpPort), DEFAULT_FIGURES_EVERY, DEFAULT_SHUTDOWN_GRACE,
        Duration.ZERO);
  }

  public boolean metricsServed() {
    return metricsPort != null || metricsToken != null;
  }

  public static OpsConfig from(JsonObject env, int httpPort) {
    String port = blankToNull(env.getString("DOVETAIL_METRICS_PORT"));
    String token = blankToNull(env.getString("DOVETAIL_METRICS_TOKEN"));
    if (token != null && token.length() < 16) {
      throw new IllegalArgumentException("DOVETAIL_METRICS_TOKEN must be at least 16 characters");
    }
    String format = blankToNull(env.getString("DOVETAIL_LOG_FORMAT"));
    if (format != null && !format.equals("text") && !format.equals("json")) {
      throw new IllegalArgumentException("DOVETAIL_LOG_FORMAT must be text or json: " + format);
    }
    String node = blankToNull(env.getString("DOVETAIL_NODE_NAME"));
    return new OpsConfig(port == null ? null : parsePort(port), token, node == null ? defaultNode(httpPort) : node,
        DEFAULT_FIGURES_EVERY,
        Duration.ofSeconds(seconds(env, "DOVETAIL_SHUTDOWN_GRACE_SECONDS", DEFAULT_SHUTDOWN_GRACE.toSeconds())),
        Duration.ofSeconds(seconds(env, "DOVETAIL_SHUTDOWN_DRAIN_SECONDS", DEFAULT_SHUTDOWN_DRAIN.toSeconds())));
  }

  @Override
  public String toString() {
    return "OpsConfig[metricsPort=" + metricsPort + ", metricsToken=" + (metricsToken == null ? "unset" : "set")
        + ", node=" + node + ", shutdownGrace=" + shutdownGrace + ", shutdownDrain=" + shutdownDrain + "]";
  }

  private static int parsePort(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException("DOVETAIL_METRICS_PORT must be 1 to 65535: " + value);
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("DOVETAIL_METRICS_PORT must be a whole number: " + value, e);
    }
  }

  private static long seconds(JsonObject env, String key, long fallback) {
    String value = blankToNull(env.getString(key));
    if (value == null) {
      return fallback;
    }
    try {
      long seconds = Long.parseLong(value);
      if (seconds < 0 || seconds > 3600) {
        throw new IllegalArgumentException(key + " must be 0 to 3600: " + value);
      }
      return seconds;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number: " + value, e);
    }
  }

  private static String defaultNode(int httpPort) {
    try {
      return InetAddress.getLocalHost().getHostName() + ":" + httpPort;
    } catch (UnknownHostException e) {
      return "localhost:" + httpPort;
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
