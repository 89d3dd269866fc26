package dev.dovetail.bench.caldav;

import com.sun.management.ThreadMXBean;
import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.caldav.backend.IcsParser;
import dev.dovetail.calendar.app.CalendarWriteService;
import dev.dovetail.calendar.domain.CalendarCollection;
import dev.dovetail.calendar.domain.CalendarObject;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What loading a calendar costs in memory work: CPU time and bytes allocated to build a {@code Schedule} and a {@code
 * CalendarCollection} from stored lists (as the repositories do after a read), for the blocks and objects of one
 * {@link BenchCalendar} of {@code n} events; six rounds of 20 builds each. {@code CalendarLoadCost <n>}
 * (docs/benchmarks.md, "The calendar-data query after ADR 69: what loading a calendar cost").
 */
public final class CalendarLoadCost {
  private CalendarLoadCost() {}

  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    Instant now = Instant.parse("2026-05-01T00:00:00Z");
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    List<CalendarObject> objects = new ArrayList<>();
    List<Block> blocks = new ArrayList<>();
    long seq = 0;
    for (BenchCalendar.Item item : BenchCalendar.generate(n, 3)) {
      var parsed = IcsParser.parseForPut(item.ics(), berlin, now);
      objects.add(CalendarObject.of(item.name(), parsed.uid(), item.ics(), false).atSequence(++seq));
      blocks.addAll(CalendarWriteService.busyBlocks("r", item.name(), parsed.blocking(), now));
    }
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long last = seq;
    for (int round = 0; round < 6; round++) {
      long cpu0 = threads.getCurrentThreadCpuTime();
      long alloc0 = threads.getCurrentThreadAllocatedBytes();
      int reps = 20;
      for (int i = 0; i < reps; i++) {
        new Schedule("r", 1, blocks).blocks();
      }
      long cpu1 = threads.getCurrentThreadCpuTime();
      long alloc1 = threads.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < reps; i++) {
        new CalendarCollection("r", 1, last, Map.of(), objects, List.of(), 0).objects();
      }
      long cpu2 = threads.getCurrentThreadCpuTime();
      long alloc2 = threads.getCurrentThreadAllocatedBytes();
      System.out.printf("round %d: schedule of %d blocks: %.1f ms CPU, %.1f MB allocated per build; calendar of %d"
          + " objects: %.1f ms CPU, %.1f MB per build%n", round, blocks.size(), (cpu1 - cpu0) / 1e6 / reps,
          (alloc1 - alloc0) / 1e6 / reps, objects.size(), (cpu2 - cpu1) / 1e6 / reps, (alloc2 - alloc1) / 1e6 / reps);
    }
  }
}
