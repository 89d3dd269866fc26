package dev.dovetail.calendar.port.in;

import dev.dovetail.kernel.TimeRange;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;

/**
 * Keeps the busy time of recurring events one year ahead as time passes (ADR 19): a write blocks the instances of
 * the year after it, so a never-ending weekly meeting would stop blocking a year later. A periodic sweep (every node
 * runs it; the work is idempotent and done under the resource lock) re-expands every opaque recurring object and
 * places the instances that entered the window.
 *
 * <p><b>A new instance that overlaps a booking</b> made since the write is not placed: the booking stays (it was
 * accepted while that time was free, and a customer holds it). The clash is reported, not dropped: the calendar's
 * {@link #CLASHES} property lists each unplaced instance (object and time, one per line) until a later sweep no
 * longer finds it (the booking moved or was cancelled, or the event changed).
 */
public interface RefreshBusyTime {

  /** How often the hub sweeps. */
  Duration PERIOD = Duration.ofHours(1);
  /** The calendar property that reports instances a booking kept from being blocked. */
  String CLASHES = "busy-clashes";

  /** An instance of the object {@code href} that was not blocked because a booking or hold holds the time. */
  record Clash(String href, TimeRange time) {

    /** The line the {@link #CLASHES} property lists it as. */
    public String line() {
      return href + " " + time.start() + "/" + time.end();
    }
  }

  /**
   * Refreshes every calendar with a recurring object or a clash report (ADR 83), one after the other; the number of
   * clashes found.
   */
  Future<Integer> sweep();

  /** Re-expands the opaque recurring objects of one resource's calendar; the clashes that remain. */
  Future<List<Clash>> refresh(String resourceId);
}
