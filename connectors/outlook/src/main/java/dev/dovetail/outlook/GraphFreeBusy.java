package dev.dovetail.outlook;

import com.microsoft.graph.models.Event;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.sync.domain.BusyPolicy;
import dev.dovetail.sync.domain.ConnectorException;
import dev.dovetail.sync.domain.Grant;
import dev.dovetail.sync.domain.Spans;
import dev.dovetail.sync.port.out.FreeBusySupport;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The booking-time check on Graph: the calendarView of each chosen calendar, not getSchedule, which reflects the
 * default calendar only and is refused for personal Microsoft accounts. Asked in UTC with explicit bounds
 * ({@code Prefer: outlook.timezone} changes only the output); events whose status the busy policy counts are returned, clipped to the window, merged; a call that takes
 * longer than {@code timeout} fails as {@code Unavailable}.
 */
final class GraphFreeBusy implements FreeBusySupport {

  /** Bounds one booking-time check: pages of 100 events per calendar (a day's window rarely needs a second). */
  private static final int MAX_BUSY_PAGES = 20;

  private final GraphClients clients;
  private final BusyPolicy policy;
  private final Duration timeout;

  GraphFreeBusy(GraphClients clients, BusyPolicy policy, Duration timeout) {
    this.clients = clients;
    this.policy = policy;
    this.timeout = timeout;
  }

  @Override
  public Future<List<TimeRange>> busy(Grant grant, List<String> calendarIds, TimeRange window) {
    return clients.blocking(grant, () -> {
      List<TimeRange> busy = new ArrayList<>();
      for (String calendarId : calendarIds) {
        var view = clients.mailbox(grant).calendars().byCalendarId(calendarId).calendarView();
        var page = view.get(rc -> {
          rc.queryParameters.startDateTime = window.start().toString();
          rc.queryParameters.endDateTime = window.end().toString();
          rc.queryParameters.select = new String[] {"start", "end", "showAs", "isCancelled"};
          rc.queryParameters.top = 100;
          rc.headers.add("Prefer", "outlook.timezone=\"UTC\"");
        });
        for (int pages = 0; page != null; pages++) {
          for (Event e : page.getValue()) {
            if (Boolean.TRUE.equals(e.getIsCancelled()) || !policy.blocks(GraphEvents.showAs(e.getShowAs()))) {
              continue;
            }
            Instant start = max(GraphEvents.instant(e.getStart()), window.start());
            Instant end = min(GraphEvents.instant(e.getEnd()), window.end());
            if (start.isBefore(end)) {
              busy.add(new TimeRange(start, end));
            }
          }
          String next = page.getOdataNextLink();
          if (next == null || pages >= MAX_BUSY_PAGES) {
            break;
          }
          page = view.withUrl(next).get();
        }
      }
      return Spans.union(busy);
    }).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .recover(err -> Future.failedFuture(err instanceof ConnectorException ? err
            : new ConnectorException.Unavailable("calendarView: " + err.getMessage(), err)));
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
