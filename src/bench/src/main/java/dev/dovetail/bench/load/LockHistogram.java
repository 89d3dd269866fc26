package dev.dovetail.bench.load;

import io.vertx.ext.web.client.WebClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hub's resource-lock histograms ({@code dovetail_resource_lock_wait_seconds} and {@code _hold_seconds}) read from
 * its operators' {@code /metrics} port before and after a phase, printed as the phase's own counts per bucket.
 */
final class LockHistogram {

  private static final Pattern BUCKET = Pattern.compile(
      "^dovetail_resource_lock_(wait|hold)_seconds_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*} (\\S+)$", Pattern.MULTILINE);

  private final WebClient client;
  private final int port;

  LockHistogram(WebClient client, int port) {
    this.client = client;
    this.port = port;
  }

  /** Cumulative counts per "wait le" / "hold le", in the order the registry writes them. */
  Map<String, Double> read() {
    String text = client.get(port, "127.0.0.1", "/metrics").send().await().bodyAsString();
    Map<String, Double> counts = new LinkedHashMap<>();
    Matcher m = BUCKET.matcher(text);
    while (m.find()) {
      counts.put(m.group(1) + " " + m.group(2), Double.parseDouble(m.group(3)));
    }
    return counts;
  }

  /** One line per histogram: how many of the phase's waits or holds ended within each bucket's bound. */
  static void print(String phase, Map<String, Double> before, Map<String, Double> after) {
    for (String kind : new String[] {"wait", "hold"}) {
      StringBuilder line = new StringBuilder(String.format("  lock %s (%s):", kind, phase));
      double below = 0;
      for (Map.Entry<String, Double> e : after.entrySet()) {
        if (!e.getKey().startsWith(kind + " ")) {
          continue;
        }
        double cumulative = e.getValue() - before.getOrDefault(e.getKey(), 0.0);
        line.append(String.format(" ≤%s:%d", label(e.getKey().substring(kind.length() + 1)),
            Math.round(cumulative - below)));
        below = cumulative;
      }
      System.out.println(line);
    }
  }

  private static String label(String seconds) {
    if (seconds.equals("+Inf")) {
      return "∞";
    }
    double ms = Double.parseDouble(seconds) * 1000;
    return ms < 1 ? String.format("%.2fms", ms) : String.format("%.0fms", ms);
  }
}
