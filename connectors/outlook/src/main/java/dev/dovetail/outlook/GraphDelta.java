package dev.dovetail.outlook;

import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.EventType;
import com.microsoft.graph.users.item.calendars.item.calendarview.delta.DeltaGetResponse;
import dev.dovetail.sync.domain.ChangeSet;
import dev.dovetail.sync.domain.ConnectorException;
import dev.dovetail.sync.domain.ExternalChange;
import dev.dovetail.sync.domain.Grant;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inbound reads: calendarView delta rounds over a window (now − 1 day … now + {@code horizon}), every page read; each
 * instance (single event, occurrence, exception) is one external event under its own id. The engine's token is the
 * window end plus Graph's delta link; once half the horizon has passed, a fresh full listing starts a new window. A
 * removal is confirmed with a GET, because delta also reports events that merely left the window as removed.
 */
final class GraphDelta {

  private static final String TOKEN_VERSION = "g1";

  private final GraphClients clients;
  private final Duration horizon;
  private final Clock clock;

  GraphDelta(GraphClients clients, Duration horizon, Clock clock) {
    this.clients = clients;
    this.horizon = horizon;
    this.clock = clock;
  }

  /** Everything changed in the calendar since {@code token} (a full listing when it is null or out of date). */
  Future<ChangeSet> changes(Grant grant, String calendarId, String token) {
    return clients.blocking(grant, () -> read(grant, calendarId, token));
  }

  private ChangeSet read(Grant grant, String calendarId, String token) {
    Instant now = clock.instant();
    DeltaToken previous = DeltaToken.parse(token);
    // A window fixed at the first round slides out of date: re-list in a fresh window once half the horizon passed.
    boolean full = previous == null || previous.windowEnd.isBefore(now.plus(horizon.dividedBy(2)));
    var delta = clients.mailbox(grant).calendars().byCalendarId(calendarId).calendarView().delta();
    Instant windowEnd = full ? now.truncatedTo(ChronoUnit.DAYS).plus(horizon).plus(Duration.ofDays(1))
        : previous.windowEnd;
    DeltaGetResponse page;
    if (full) {
      Instant windowStart = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
      page = delta.get(rc -> {
        rc.queryParameters.startDateTime = windowStart.toString();
        rc.queryParameters.endDateTime = windowEnd.toString();
        rc.headers.add("Prefer", "odata.maxpagesize=50");
        rc.headers.add("Prefer", "outlook.timezone=\"UTC\"");
      });
    } else {
      page = delta.withUrl(previous.deltaLink).get();
    }
    Map<String, Event> latest = new LinkedHashMap<>();
    Map<String, Boolean> removed = new LinkedHashMap<>();
    while (true) {
      for (Event e : page.getValue()) {
        collect(e, latest, removed);
      }
      if (page.getOdataNextLink() != null) {
        page = delta.withUrl(page.getOdataNextLink()).get();
      } else if (page.getOdataDeltaLink() != null) {
        break;
      } else {
        throw new ConnectorException.Unavailable("delta page without nextLink or deltaLink", null);
      }
    }
    List<ExternalChange> changes = new ArrayList<>();
    List<Instant> changedAt = new ArrayList<>();
    for (Event e : latest.values()) {
      if (!removed.containsKey(e.getId())) {
        changes.add(new ExternalChange.Upserted(GraphEvents.toExternal(calendarId, e)));
        if (e.getLastModifiedDateTime() != null) {
          changedAt.add(e.getLastModifiedDateTime().toInstant());
        }
      }
    }
    for (String id : removed.keySet()) {
      changes.add(confirmRemoval(grant, calendarId, id));
    }
    return new ChangeSet(changes, new DeltaToken(windowEnd, page.getOdataDeltaLink()).format(), full, changedAt);
  }

  /** Duplicates across pages and replays collapse to the newest version; a removal wins over any version. */
  private static void collect(Event e, Map<String, Event> latest, Map<String, Boolean> removed) {
    if (e.getId() == null) {
      return;
    }
    if (e.getAdditionalData().containsKey("@removed") || Boolean.TRUE.equals(e.getIsCancelled())) {
      removed.put(e.getId(), Boolean.TRUE);
      return;
    }
    if (e.getType() == EventType.SeriesMaster) {
      return;
    }
    Event known = latest.get(e.getId());
    if (known == null || newer(e, known)) {
      latest.put(e.getId(), e);
    }
  }

  private static boolean newer(Event a, Event b) {
    OffsetDateTime ma = a.getLastModifiedDateTime();
    OffsetDateTime mb = b.getLastModifiedDateTime();
    return ma != null && (mb == null || ma.isAfter(mb));
  }

  /**
   * Delta reports events that only left the window as removed: ask for the event; if it still exists, it is an
   * update (to a time outside the window), otherwise it is gone.
   */
  private ExternalChange confirmRemoval(Grant grant, String calendarId, String id) {
    Optional<Event> found = GraphErrors.unlessGone(() -> clients.mailbox(grant).events().byEventId(id)
        .get(rc -> rc.headers.add("Prefer", "outlook.timezone=\"UTC\"")));
    if (found.isPresent()) {
      Event e = found.get();
      if (!Boolean.TRUE.equals(e.getIsCancelled()) && e.getType() != EventType.SeriesMaster && e.getStart() != null) {
        return new ExternalChange.Upserted(GraphEvents.toExternal(calendarId, e));
      }
    }
    return new ExternalChange.Removed(calendarId, id, null);
  }

  /** The engine's token: the window end the delta link was made for, and the link. */
  private record DeltaToken(Instant windowEnd, String deltaLink) {

    static DeltaToken parse(String token) {
      if (token == null) {
        return null;
      }
      String[] parts = token.split("\\|", 3);
      if (parts.length != 3 || !parts[0].equals(TOKEN_VERSION)) {
        return null;
      }
      return new DeltaToken(Instant.ofEpochSecond(Long.parseLong(parts[1])), parts[2]);
    }

    String format() {
      return TOKEN_VERSION + "|" + windowEnd.getEpochSecond() + "|" + deltaLink;
    }
  }
}
