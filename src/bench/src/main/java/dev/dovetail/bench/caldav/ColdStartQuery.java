package dev.dovetail.bench.caldav;

import dev.dovetail.bench.BenchHub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The first CalDAV query after a restart: seeds one calendar of 5,000 events ({@link BenchCalendar}) on the on-disk
 * embedded store, stops the hub, then {@code rounds} times starts it again on the same store, waits {@code pause}
 * seconds (an idle hub, as after a deploy), and times the first one-week calendar-query with calendar-data, then the
 * same query again. Prints one line per round.
 *
 * <p>Run: see docs/benchmarks.md. Arguments: {@code [rounds] [pause seconds]}, default 3 and 20.
 */
public final class ColdStartQuery {

  private static final String CALENDAR = "bench";
  private static final int EVENTS = 5_000;

  private ColdStartQuery() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int pause = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    Path dataDir = Files.createTempDirectory("dovetail-cold-start");
    int mongoPort = BenchHub.freePort();
    String appPassword;
    try (BenchHub bench = BenchHub.start(dataDir, mongoPort)) {
      long began = System.nanoTime();
      appPassword = CalDavLoadDriver.seed(bench.vertx(), bench.store(), Map.of(CALENDAR, EVENTS));
      System.out.printf("seeded %,d events in %.1f s%n", EVENTS, (System.nanoTime() - began) / 1e9);
    }
    for (int round = 1; round <= rounds; round++) {
      try (BenchHub bench = BenchHub.start(dataDir, mongoPort)) {
        Thread.sleep(pause * 1000L);
        CalDavLoadDriver.Target target = CalDavLoadDriver.target(bench, appPassword, 1);
        long[] millis = new long[2];
        int objects = 0;
        for (int i = 0; i < 2; i++) {
          long t0 = System.nanoTime();
          var answer = CalDavLoadDriver.report(target, target.calendar(CALENDAR), CalDavLoadDriver.query(40)).await();
          millis[i] = (System.nanoTime() - t0) / 1_000_000;
          if (answer.statusCode() != 207) {
            throw new IllegalStateException("calendar-query answered " + answer.statusCode() + ": "
                + answer.bodyAsString());
          }
          objects = CalDavLoadDriver.count(answer.bodyAsString());
        }
        System.out.printf("round %d: first query after start %,d ms, second %,d ms (%d objects)%n", round,
            millis[0], millis[1], objects);
      }
    }
  }
}
