package dev.dovetail.bench.caldav;

import com.sun.management.OperatingSystemMXBean;
import dev.dovetail.bench.BenchHub;
import io.vertx.core.buffer.Buffer;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cost of one CalDAV PUT as the calendar grows: calendars of 100, 1,000, 5,000 and 10,000 events
 * ({@link BenchCalendar}), then, one calendar after the other, PUTs of new single events sent one at a time (no
 * concurrency: this is service time, not queueing), printing p50/p90/p99/max per calendar size.
 *
 * <p>Run: see docs/benchmarks.md. Arguments: {@code [puts per calendar] [blocking]}, default 200: the events are on
 * days from 2031 on, beyond the year in which an event blocks time, unless the second argument is {@code blocking}:
 * then each is an hour of its own from tomorrow on, and the PUT also places its busy block in the schedule.
 */
public final class PutLatencyCurve {

  private static final OperatingSystemMXBean CPU =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private static final DateTimeFormatter ICS_UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private PutLatencyCurve() {}

  public static void main(String[] args) throws Exception {
    int puts = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    boolean blocking = args.length > 1 && args[1].equals("blocking");
    Instant tomorrow = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
    Map<String, Integer> calendars = new LinkedHashMap<>();
    for (int size : new int[] {100, 1_000, 5_000, 10_000}) {
      calendars.put("events-" + size, size);
    }
    try (BenchHub bench = BenchHub.start()) {
      long began = System.nanoTime();
      String appPassword = CalDavLoadDriver.seed(bench.vertx(), bench.store(), calendars);
      System.out.printf("seeded %s in %.1f s%n", calendars, (System.nanoTime() - began) / 1e9);
      CalDavLoadDriver.Target target = CalDavLoadDriver.target(bench, appPassword, 1);
      int n = 0;
      for (Map.Entry<String, Integer> calendar : calendars.entrySet()) {
        String path = target.calendar(calendar.getKey());
        int warmUp = Math.max(5, puts / 10);
        for (int i = 0; i < warmUp; i++) {
          put(target, path, n++, blocking ? tomorrow : null);
        }
        long[] latencies = new long[puts];
        // the window of the measured PUTs, to read a profile of exactly them (docs/benchmarks.md, ADR 69)
        System.out.printf("measuring %,d events from %s%n", calendar.getValue(), Instant.now());
        long cpu0 = CPU.getProcessCpuTime();
        for (int i = 0; i < puts; i++) {
          long t0 = System.nanoTime();
          put(target, path, n++, blocking ? tomorrow : null);
          latencies[i] = System.nanoTime() - t0;
        }
        // CPU time of the whole process (hub, driver, GC) per PUT: unlike latency, not stretched by a busy machine
        double cpuPerPut = (CPU.getProcessCpuTime() - cpu0) / 1e6 / puts;
        System.out.printf("measured %,d events until %s, process CPU %.2f ms per PUT%n", calendar.getValue(),
            Instant.now(), cpuPerPut);
        Arrays.sort(latencies);
        System.out.printf("PUT into %,6d events: %d PUTs  p50 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  max %7.2f ms%n",
            calendar.getValue(), puts, latencies[puts / 2] / 1e6, latencies[(int) (puts * 0.9)] / 1e6,
            latencies[(int) (puts * 0.99)] / 1e6, latencies[puts - 1] / 1e6);
      }
    }
  }

  /**
   * A new one-hour event, so no PUT overlaps another: on its own day from 2031 on, or (with {@code blockingFrom}) the
   * {@code n}th hour from that instant.
   */
  private static void put(CalDavLoadDriver.Target target, String path, int n, Instant blockingFrom) {
    String name = "curve-" + n + ".ics";
    String start;
    String end;
    if (blockingFrom == null) {
      String date = LocalDate.of(2031, 1, 1).plusDays(n).toString().replace("-", "");
      start = date + "T090000Z";
      end = date + "T100000Z";
    } else {
      start = ICS_UTC.format(blockingFrom.plus(n, ChronoUnit.HOURS));
      end = ICS_UTC.format(blockingFrom.plus(n + 1L, ChronoUnit.HOURS));
    }
    String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Dovetail//bench//EN\r\nBEGIN:VEVENT\r\nUID:" + name
        + "\r\nDTSTAMP:20260501T120000Z\r\nDTSTART:" + start + "\r\nDTEND:" + end
        + "\r\nSUMMARY:Curve\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    int status = target.client().put(path + name).putHeader("Authorization", target.authorization())
        .putHeader("Content-Type", "text/calendar; charset=utf-8").putHeader("If-None-Match", "*")
        .sendBuffer(Buffer.buffer(ics)).await().statusCode();
    if (status != 201) {
      throw new IllegalStateException("PUT " + path + name + " answered " + status);
    }
  }
}
