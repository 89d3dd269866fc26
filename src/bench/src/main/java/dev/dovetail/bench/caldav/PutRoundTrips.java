package dev.dovetail.bench.caldav;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.dovetail.bench.BenchHub;
import dev.dovetail.bench.DriverCommandLog;
import io.vertx.core.buffer.Buffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists every command the hub sends to its store for one CalDAV PUT of a new event, with when each started and
 * finished after the request was sent, and the embedded store's durability requests and commits over the request
 * (issue 17, as {@code BookingRoundTrips} does for a booking): the MongoDB driver's own command log (logger
 * {@code org.mongodb.driver.protocol.command}) is caught in memory from just before the request until its answer, then
 * for {@code settle} ms more (background filing of the commit's parts).
 *
 * <p>Run: {@code java -cp "$CP" dev.dovetail.bench.caldav.PutRoundTrips [puts] [events] [settleMs]}, default 5, 100
 * and 300; the first two PUTs warm the node's caches and are not listed.
 */
public final class PutRoundTrips {

  private static final Pattern STARTED =
      Pattern.compile("Command \"(\\w+)\" started.*?Command: \\{\"\\w+\": \"?([\\w.$]+)");
  private static final Pattern ENDED = Pattern.compile("Command \"(\\w+)\" (succeeded|failed)");
  private static final int WARM_UP = 2;

  private PutRoundTrips() {}

  public static void main(String[] args) throws Exception {
    int puts = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int events = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int settle = args.length > 2 ? Integer.parseInt(args[2]) : 300;
    try (BenchHub bench = BenchHub.start()) {
      String appPassword = CalDavLoadDriver.seed(bench.vertx(), bench.store(), Map.of("trips", events));
      CalDavLoadDriver.Target target = CalDavLoadDriver.target(bench, appPassword, 1);
      String path = target.calendar("trips");
      Commands commands = Commands.attach();
      for (int i = 0; i < WARM_UP + puts; i++) {
        commands.clear();
        long[] start = bench.hub().storeCommitFigures();
        long t0 = System.nanoTime();
        commands.since(t0);
        int status = put(target, path, i);
        double took = (System.nanoTime() - t0) / 1e6;
        List<String> request = commands.taken();
        long[] answered = bench.hub().storeCommitFigures();
        Thread.sleep(settle);
        List<String> after = commands.taken();
        if (i < WARM_UP) {
          continue;
        }
        System.out.printf("PUT %d: %d in %.2f ms, %d commands and %d durability waits (%d commits) before the answer%n",
            i - WARM_UP + 1, status, took, started(request), answered[0] - start[0], answered[1] - start[1]);
        request.forEach(c -> System.out.println("  " + c));
        System.out.printf("  then %d commands within %d ms after it:%n", started(after) - started(request), settle);
        after.subList(request.size(), after.size()).forEach(c -> System.out.println("  " + c));
      }
    }
  }

  private static long started(List<String> lines) {
    return lines.stream().filter(line -> line.contains(" start ")).count();
  }

  /** A new one-hour event on its own day, so no PUT overlaps another. */
  private static int put(CalDavLoadDriver.Target target, String path, int n) {
    String name = "trip-" + n + ".ics";
    String date = LocalDate.of(2031, 1, 1).plusDays(n).toString().replace("-", "");
    String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Dovetail//bench//EN\r\nBEGIN:VEVENT\r\nUID:" + name
        + "\r\nDTSTAMP:20260501T120000Z\r\nDTSTART:" + date + "T090000Z\r\nDTEND:" + date
        + "T100000Z\r\nSUMMARY:Trip\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    return target.client().put(path + name).putHeader("Authorization", target.authorization())
        .putHeader("Content-Type", "text/calendar; charset=utf-8").putHeader("If-None-Match", "*")
        .sendBuffer(Buffer.buffer(ics)).await().statusCode();
  }

  /** The driver's command log lines, as "started/ended at ms: command collection", in order. */
  private static final class Commands extends AppenderBase<ILoggingEvent> {

    private final List<String> seen = new ArrayList<>();
    private long origin;

    static Commands attach() {
      return DriverCommandLog.attach(new Commands());
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
      double at = (System.nanoTime() - origin) / 1e6;
      String message = event.getFormattedMessage();
      Matcher s = STARTED.matcher(message);
      if (s.find()) {
        String what = s.group(1) + " " + s.group(2);
        seen.add(String.format("%7.2f ms  start %s", at, what));
        return;
      }
      Matcher e = ENDED.matcher(message);
      if (e.find()) {
        seen.add(String.format("%7.2f ms    end %s (%s)", at, e.group(1), e.group(2)));
      }
    }

    synchronized void since(long nanos) {
      origin = nanos;
    }

    synchronized void clear() {
      seen.clear();
    }

    /** The lines so far. */
    synchronized List<String> taken() {
      return List.copyOf(seen);
    }
  }
}
