package dev.dovetail.sync.port.out;

import dev.dovetail.sync.domain.CalendarProvider;
import java.time.Duration;

/**
 * Where the sync engine reports how long an external change took to reach the schedule: from the time the service
 * says the event was last modified to the moment its busy time was written (the operator's "sync lag").
 */
public interface SyncLagRecorder {

  void changeApplied(CalendarProvider provider, Duration lag);

  static SyncLagRecorder none() {
    return (provider, lag) -> {};
  }
}
