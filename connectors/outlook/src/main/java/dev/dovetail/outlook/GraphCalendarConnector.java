package dev.dovetail.outlook;

import com.microsoft.graph.models.Calendar;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.sync.domain.BusyPolicy;
import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.ChangeSet;
import dev.dovetail.sync.domain.ConnectorException;
import dev.dovetail.sync.domain.ExternalCalendar;
import dev.dovetail.sync.domain.Grant;
import dev.dovetail.sync.domain.OutboundEvent;
import dev.dovetail.sync.domain.PushChannel;
import dev.dovetail.sync.domain.WrittenEvent;
import dev.dovetail.sync.port.out.CalendarConnector;
import dev.dovetail.sync.port.out.FreeBusySupport;
import dev.dovetail.sync.port.out.PushSupport;
import dev.dovetail.sync.port.out.RotatedTokens;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Outlook calendars through Microsoft Graph v1.0 and its Java SDK (the P numbers: docs/connectors.md), with push
 * ({@link GraphSubscriptions}) and live free/busy ({@link GraphFreeBusy}); Microsoft has no per-app revoke of a
 * delegated grant, so there is no {@code RevokeSupport}. Reads are calendarView delta rounds ({@link GraphDelta}),
 * events are mapped by {@link GraphEvents}, every call runs through {@link GraphClients} (token cache, worker thread)
 * and its failures are mapped by {@link GraphErrors}: a delta link that Graph no longer accepts fails with
 * {@code SyncTokenExpired}; what is still throttled after the SDK's own Retry-After handling becomes {@code
 * RateLimited}. Outbound creates carry the booking's proposed id as {@code transactionId}, so a retried POST does not
 * duplicate.
 */
public final class GraphCalendarConnector implements CalendarConnector, PushSupport, FreeBusySupport {

  /** How often one booking's event may be deleted in Outlook and created again. */
  private static final int MAX_GENERATIONS = 50;
  /** At most 500 calendars are listed for the provider to choose from. */
  private static final int MAX_CALENDAR_PAGES = 50;

  /** Where Graph is and how far ahead inbound sync looks; the subscription lifetime cap Graph enforces. */
  public record Settings(String graphBase, Duration horizon, Duration maxSubscriptionLifetime, Duration liveTimeout,
      BusyPolicy busyPolicy) {

    public static Settings production() {
      return new Settings("https://graph.microsoft.com/v1.0", Duration.ofDays(180), Duration.ofMinutes(4230),
          Duration.ofSeconds(2), BusyPolicy.DEFAULT);
    }

    public Settings withGraphBase(String base) {
      return new Settings(base, horizon, maxSubscriptionLifetime, liveTimeout, busyPolicy);
    }

    public Settings withMaxSubscriptionLifetime(Duration lifetime) {
      return new Settings(graphBase, horizon, lifetime, liveTimeout, busyPolicy);
    }

    public Settings withLiveTimeout(Duration timeout) {
      return new Settings(graphBase, horizon, maxSubscriptionLifetime, timeout, busyPolicy);
    }
  }

  private final GraphClients clients;
  private final GraphDelta delta;
  private final GraphSubscriptions subscriptions;
  private final GraphFreeBusy freeBusy;

  /**
   * Delegated connections: each grant holds its user's refresh token; calendars are addressed as {@code /me}. Every
   * refresh token Microsoft rotates goes to {@code rotations} (stored on the connection), and the newest one known is
   * used for the next refresh.
   */
  public GraphCalendarConnector(Vertx vertx, MicrosoftIdentity identity, RotatedTokens rotations, Settings settings,
      Clock clock) {
    this(new GraphClients(vertx, identity, rotations, null, settings.graphBase(), clock), settings, clock);
  }

  private GraphCalendarConnector(GraphClients clients, Settings settings, Clock clock) {
    this.clients = clients;
    this.delta = new GraphDelta(clients, settings.horizon(), clock);
    this.subscriptions = new GraphSubscriptions(clients, settings.maxSubscriptionLifetime(), clock);
    this.freeBusy = new GraphFreeBusy(clients, settings.busyPolicy(), settings.liveTimeout());
  }

  /**
   * App-only connections (ADR 21): the hub acts as the app through azure-identity, a grant's account names the
   * mailbox ({@code /users/{account}}) and its refresh token is unused.
   */
  public static GraphCalendarConnector appOnly(Vertx vertx, MicrosoftAppAccess app, Settings settings, Clock clock) {
    return new GraphCalendarConnector(
        new GraphClients(vertx, null, RotatedTokens.none(), app, settings.graphBase(), clock), settings, clock);
  }

  @Override
  public CalendarProvider provider() {
    return CalendarProvider.OUTLOOK;
  }

  /** Forgets the cached access token of a connection (after its grant was revoked or replaced). */
  public void forget(String connectionId) {
    clients.forget(connectionId);
  }

  // ---- reads -----------------------------------------------------------------------------------------------------

  @Override
  public Future<List<ExternalCalendar>> calendars(Grant grant) {
    return clients.blocking(grant, () -> {
      // Graph pages calendars (ten a page): every page is read, so any calendar can be chosen.
      List<ExternalCalendar> out = new ArrayList<>();
      var calendars = clients.mailbox(grant).calendars();
      var page = calendars.get();
      for (int pages = 0; page != null; pages++) {
        for (Calendar c : page.getValue()) {
          out.add(new ExternalCalendar(c.getId(), c.getName() == null ? c.getId() : c.getName(),
              Boolean.TRUE.equals(c.getIsDefaultCalendar()), !Boolean.FALSE.equals(c.getCanEdit())));
        }
        String next = page.getOdataNextLink();
        if (next == null || pages >= MAX_CALENDAR_PAGES) {
          break;
        }
        page = calendars.withUrl(next).get();
      }
      return out;
    });
  }

  @Override
  public Future<ChangeSet> changes(Grant grant, String calendarId, String token) {
    return delta.changes(grant, calendarId, token);
  }

  @Override
  public Future<Optional<WrittenEvent>> find(Grant grant, String calendarId, String eventId) {
    return clients.blocking(grant, () -> GraphErrors.unlessGone(
        () -> clients.mailbox(grant).events().byEventId(eventId).get())
        .map(e -> new WrittenEvent(e.getId(), e.getChangeKey())));
  }

  // ---- writes ----------------------------------------------------------------------------------------------------

  @Override
  public Future<WrittenEvent> create(Grant grant, String calendarId, OutboundEvent event) {
    return clients.blocking(grant, () -> {
      // Graph remembers a transactionId after its event is deleted (400 ErrorDuplicateTransactionId): a booking
      // event the provider deleted is created again under the next generation, {proposedId}-{n}. A retried create
      // still finds the event of its generation, so it never duplicates. Each attempt gets a fresh body (the SDK's
      // backing store would send only changed fields the second time).
      for (int generation = 0; ; generation++) {
        Event body = GraphEvents.created(event,
            generation == 0 ? event.proposedId() : event.proposedId() + "-" + generation);
        try {
          Event created = clients.mailbox(grant).calendars().byCalendarId(calendarId).events().post(body);
          return new WrittenEvent(created.getId(), created.getChangeKey());
        } catch (ODataError e) {
          if (generation >= MAX_GENERATIONS || e.getError() == null
              || !"ErrorDuplicateTransactionId".equals(e.getError().getCode())) {
            throw e;
          }
        }
      }
    });
  }

  @Override
  public Future<WrittenEvent> update(Grant grant, String calendarId, String eventId, String etag, OutboundEvent event) {
    return clients.blocking(grant, () -> {
      try {
        Event updated = clients.mailbox(grant).events().byEventId(eventId).patch(GraphEvents.body(event), rc -> {
          if (etag != null) {
            rc.headers.add("If-Match", "W/\"" + etag + "\"");
          }
        });
        return new WrittenEvent(updated.getId(), updated.getChangeKey());
      } catch (ApiException ex) {
        if (GraphErrors.gone(ex)) {
          // The event no longer has the etag we hold (it is gone): the caller re-reads and re-creates.
          throw new ConnectorException.EtagMismatch("Graph 404: the event is gone", ex);
        }
        throw ex;
      }
    });
  }

  @Override
  public Future<Void> delete(Grant grant, String calendarId, String eventId, String etag) {
    return clients.blocking(grant, () -> {
      GraphErrors.doneIfGone(() -> clients.mailbox(grant).events().byEventId(eventId).delete(rc -> {
        if (etag != null) {
          rc.headers.add("If-Match", "W/\"" + etag + "\"");
        }
      }));
      return null;
    });
  }

  // ---- capabilities ----------------------------------------------------------------------------------------------

  @Override
  public Future<List<TimeRange>> busy(Grant grant, List<String> calendarIds, TimeRange window) {
    return freeBusy.busy(grant, calendarIds, window);
  }

  @Override
  public Future<PushChannel> watch(Grant grant, String calendarId, String channelId, String secret,
      String callbackUrl, Instant requestedExpiry) {
    return subscriptions.watch(grant, calendarId, channelId, secret, callbackUrl, requestedExpiry);
  }

  /** Moves a subscription's expiry (renewal, or the answer to reauthorizationRequired). */
  public Future<PushChannel> renew(Grant grant, PushChannel channel, Instant requestedExpiry) {
    return subscriptions.renew(grant, channel, requestedExpiry);
  }

  @Override
  public Future<Void> stop(Grant grant, PushChannel channel) {
    return subscriptions.stop(grant, channel);
  }
}
