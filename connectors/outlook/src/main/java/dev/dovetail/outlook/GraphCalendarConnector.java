package dev.dovetail.outlook;

import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.Calendar;
import com.microsoft.graph.models.DateTimeTimeZone;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.EventType;
import com.microsoft.graph.models.FreeBusyStatus;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.SingleValueLegacyExtendedProperty;
import com.microsoft.graph.models.Subscription;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.UserItemRequestBuilder;
import com.microsoft.graph.users.item.calendars.item.calendarview.delta.DeltaGetResponse;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import dev.dovetail.booking.domain.Secrets;
import dev.dovetail.booking.domain.TimeRange;
import dev.dovetail.outlook.zone.WindowsZones;
import dev.dovetail.sync.domain.BusyPolicy;
import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.ChangeSet;
import dev.dovetail.sync.domain.ConnectorException;
import dev.dovetail.sync.domain.ExternalCalendar;
import dev.dovetail.sync.domain.ExternalChange;
import dev.dovetail.sync.domain.ExternalEvent;
import dev.dovetail.sync.domain.Grant;
import dev.dovetail.sync.domain.OutboundEvent;
import dev.dovetail.sync.domain.PushChannel;
import dev.dovetail.sync.domain.ShowAs;
import dev.dovetail.sync.domain.WrittenEvent;
import dev.dovetail.sync.port.out.CalendarConnector;
import dev.dovetail.sync.port.out.RotatedTokens;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outlook calendars through Microsoft Graph v1.0 and its Java SDK (reference/external-apis.md §2). Inbound reads are
 * calendarView delta rounds over a window (now − 1 day … now + {@code horizon}); each instance (single event,
 * occurrence, exception) is one external event under its own id, and its {@code changeKey} is its etag, since delta
 * never returns extended properties. A delta link that Graph no longer accepts (410 with or without Location,
 * syncStateNotFound, resyncRequired) fails with {@code SyncTokenExpired}; a removal is confirmed with a GET, because
 * delta also reports events that merely left the window as removed. Outbound creates carry the booking's proposed id
 * as {@code transactionId}, so a retried POST does not duplicate. The SDK's retry handler honours Retry-After on 429
 * and 503; what is still throttled after its retries becomes {@code RateLimited}. SDK calls block, so they run on
 * worker threads.
 */
public final class GraphCalendarConnector implements CalendarConnector {

  /** The name of the extended property that tags our own events (read back only with $expand, never in delta). */
  public static final String BOOKING_PROPERTY = "String {6d3c4a2e-8b1f-4f67-9a0e-2c5d7b9e1f30} Name DovetailBooking";
  private static final DateTimeFormatter GRAPH_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS");
  private static final String TOKEN_VERSION = "g1";
  /** Bounds one booking-time check: pages of 100 events per calendar (a day's window rarely needs a second). */
  private static final int MAX_BUSY_PAGES = 20;
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
  }

  private static final Logger LOG = LoggerFactory.getLogger(GraphCalendarConnector.class);

  private final Vertx vertx;
  private final MicrosoftIdentity identity;
  private final RotatedTokens rotations;
  private final Settings settings;
  private final Clock clock;
  private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();
  private final Map<String, GraphServiceClient> clients = new ConcurrentHashMap<>();

  /**
   * A connection's access token and its refresh chain: {@code grantToken} is the refresh token the grant held when
   * this was fetched, {@code newest} the one Microsoft rotated it to (the same when it did not rotate).
   */
  private record CachedToken(String grantToken, String newest, String accessToken, Instant expiresAt) {

    boolean serves(Grant grant) {
      return grant.refreshToken().equals(grantToken) || grant.refreshToken().equals(newest);
    }

    CachedToken expired() {
      return new CachedToken(grantToken, newest, accessToken, Instant.EPOCH);
    }
  }

  private final MicrosoftAppAccess app;

  /**
   * Delegated connections: each grant holds its user's refresh token; calendars are addressed as {@code /me}. Every
   * refresh token Microsoft rotates goes to {@code rotations} (stored on the connection), and the newest one known is
   * used for the next refresh.
   */
  public GraphCalendarConnector(Vertx vertx, MicrosoftIdentity identity, RotatedTokens rotations, Settings settings,
      Clock clock) {
    this(vertx, identity, rotations, null, settings, clock);
  }

  private GraphCalendarConnector(Vertx vertx, MicrosoftIdentity identity, RotatedTokens rotations,
      MicrosoftAppAccess app, Settings settings, Clock clock) {
    this.vertx = vertx;
    this.identity = identity;
    this.rotations = rotations;
    this.app = app;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * App-only connections (ADR 21): the hub acts as the app through azure-identity, a grant's account names the
   * mailbox ({@code /users/{account}}) and its refresh token is unused.
   */
  public static GraphCalendarConnector appOnly(Vertx vertx, MicrosoftAppAccess app, Settings settings, Clock clock) {
    return new GraphCalendarConnector(vertx, null, RotatedTokens.none(), app, settings, clock);
  }

  /** The mailbox a grant reaches: the signed-in user ({@code /me}) or, app-only, the named user. */
  private UserItemRequestBuilder mailbox(Grant grant) {
    return app == null ? client(grant).me() : client(grant).users().byUserId(grant.account());
  }

  private String mailboxPath(Grant grant) {
    return app == null ? "/me" : "/users/" + grant.account();
  }

  @Override
  public CalendarProvider provider() {
    return CalendarProvider.OUTLOOK;
  }

  // ---- client and tokens -----------------------------------------------------------------------------------------

  private GraphServiceClient client(Grant grant) {
    if (app != null) {
      return clients.computeIfAbsent("", any -> app.client(settings.graphBase()));
    }
    String connectionId = grant.connectionId();
    return clients.computeIfAbsent(connectionId, id -> {
      String host = URI.create(settings.graphBase()).getHost();
      AccessTokenProvider provider = new AccessTokenProvider() {
        private final AllowedHostsValidator hosts = new AllowedHostsValidator(host);

        @Override
        public String getAuthorizationToken(URI uri, Map<String, Object> context) {
          CachedToken cached = tokens.get(connectionId);
          if (cached == null) {
            throw new ConnectorException.Unavailable("no access token for " + connectionId, null);
          }
          return cached.accessToken;
        }

        @Override
        public AllowedHostsValidator getAllowedHostsValidator() {
          return hosts;
        }
      };
      GraphServiceClient client = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(provider));
      client.getRequestAdapter().setBaseUrl(settings.graphBase());
      return client;
    });
  }

  /**
   * Makes sure the grant has an access token valid for another minute: refreshes with the newest refresh token of
   * its chain and hands a rotated one to {@link RotatedTokens} before any Graph call uses the new access token. A
   * refused refresh fails with {@code AuthorizationRevoked}; a failure to store the rotated token is only logged
   * (the token the connection holds stays valid until its own expiry, and the next refresh rotates again).
   */
  private Future<Void> authorized(Grant grant) {
    if (app != null) {
      return Future.succeededFuture();
    }
    CachedToken cached = tokens.get(grant.connectionId());
    Instant now = clock.instant();
    boolean chain = cached != null && cached.serves(grant);
    if (chain && now.isBefore(cached.expiresAt)) {
      return Future.succeededFuture();
    }
    String use = chain ? cached.newest : grant.refreshToken();
    return vertx.executeBlocking(() -> identity.refresh(use), false).compose(fresh -> {
      String newest = fresh.refreshToken() == null ? use : fresh.refreshToken();
      tokens.put(grant.connectionId(), new CachedToken(grant.refreshToken(), newest, fresh.accessToken(),
          now.plusSeconds(Math.max(0, fresh.expiresInSeconds() - 60))));
      return rotations.rotated(grant, newest).recover(err -> {
        LOG.warn("storing the rotated refresh token of {} failed: {}", grant.connectionId(), err.getMessage());
        return Future.succeededFuture();
      });
    });
  }

  /** Forgets the cached access token of a connection (after its grant was revoked or replaced). */
  public void forget(String connectionId) {
    tokens.remove(connectionId);
    clients.remove(connectionId);
  }

  /**
   * Runs an SDK call on a worker thread, with a valid access token, and maps its failure. A 401 means the cached
   * access token is no longer accepted (expired early, skewed clock): the call is retried once after a refresh; if
   * the refresh itself is refused, that is {@code AuthorizationRevoked}.
   */
  private <T> Future<T> blocking(Grant grant, Callable<T> call) {
    return authorized(grant).compose(v -> attempt(call)).recover(err -> {
      if (app != null || status(err) != 401) {
        return Future.failedFuture(translated(err));
      }
      tokens.computeIfPresent(grant.connectionId(), (id, cached) -> cached.expired());
      return authorized(grant).compose(v -> attempt(call))
          .recover(again -> Future.failedFuture(translated(again)));
    });
  }

  private <T> Future<T> attempt(Callable<T> call) {
    return vertx.executeBlocking(call, false);
  }

  private static Throwable translated(Throwable err) {
    return err instanceof RuntimeException e ? translate(e) : err;
  }

  private static int status(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApiException api) {
        return api.getResponseStatusCode();
      }
    }
    return 0;
  }

  // ---- reads -----------------------------------------------------------------------------------------------------

  @Override
  public Future<List<ExternalCalendar>> calendars(Grant grant) {
    return blocking(grant, () -> {
      // Graph pages calendars (ten a page): every page is read, so any calendar can be chosen.
      List<ExternalCalendar> out = new ArrayList<>();
      var calendars = mailbox(grant).calendars();
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
    return blocking(grant, () -> read(grant, calendarId, token));
  }

  private ChangeSet read(Grant grant, String calendarId, String token) {
    Instant now = clock.instant();
    DeltaToken previous = DeltaToken.parse(token);
    // A window fixed at the first round slides out of date: re-list in a fresh window once half the horizon passed.
    boolean full = previous == null || previous.windowEnd.isBefore(now.plus(settings.horizon().dividedBy(2)));
    var delta = mailbox(grant).calendars().byCalendarId(calendarId).calendarView().delta();
    Instant windowEnd = full ? now.truncatedTo(ChronoUnit.DAYS).plus(settings.horizon()).plus(Duration.ofDays(1))
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
        changes.add(new ExternalChange.Upserted(toExternal(calendarId, e)));
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
   * Delta reports events that only left the window as removed (P12): ask for the event; if it still exists, it is an
   * update (to a time outside the window), otherwise it is gone.
   */
  private ExternalChange confirmRemoval(Grant grant, String calendarId, String id) {
    try {
      Event e = mailbox(grant).events().byEventId(id).get(rc -> rc.headers.add("Prefer", "outlook.timezone=\"UTC\""));
      if (e != null && !Boolean.TRUE.equals(e.getIsCancelled()) && e.getType() != EventType.SeriesMaster
          && e.getStart() != null) {
        return new ExternalChange.Upserted(toExternal(calendarId, e));
      }
    } catch (ApiException ex) {
      if (ex.getResponseStatusCode() != 404) {
        throw ex;
      }
    }
    return new ExternalChange.Removed(calendarId, id, null);
  }

  static ExternalEvent toExternal(String calendarId, Event e) {
    ShowAs showAs = showAs(e.getShowAs());
    String etag = e.getChangeKey() == null ? "" : e.getChangeKey();
    if (Boolean.TRUE.equals(e.getIsAllDay())) {
      LocalDate start = local(e.getStart()).toLocalDate();
      LocalDate end = local(e.getEnd()).toLocalDate();
      return ExternalEvent.allDay(calendarId, e.getId(), "", etag, start, end.isAfter(start) ? end : start.plusDays(1),
          showAs);
    }
    return ExternalEvent.timed(calendarId, e.getId(), "", etag, new TimeRange(instant(e.getStart()),
        instant(e.getEnd())), showAs);
  }

  static ShowAs showAs(FreeBusyStatus status) {
    if (status == null) {
      return ShowAs.BUSY;
    }
    return switch (status) {
      case Free -> ShowAs.FREE;
      case Tentative -> ShowAs.TENTATIVE;
      case Oof -> ShowAs.OUT_OF_OFFICE;
      case WorkingElsewhere -> ShowAs.WORKING_ELSEWHERE;
      default -> ShowAs.BUSY;
    };
  }

  private static LocalDateTime local(DateTimeTimeZone value) {
    String text = value.getDateTime();
    return LocalDateTime.parse(text.endsWith("Z") ? text.substring(0, text.length() - 1) : text);
  }

  /** A {@code dateTimeTimeZone} as an instant: its zone is a Windows or IANA name, mapped through CLDR (P22). */
  static Instant instant(DateTimeTimeZone value) {
    return local(value).atZone(WindowsZones.require(value.getTimeZone() == null ? "UTC" : value.getTimeZone()))
        .toInstant();
  }

  @Override
  public Future<Optional<WrittenEvent>> find(Grant grant, String calendarId, String eventId) {
    return blocking(grant, () -> {
      try {
        Event e = mailbox(grant).events().byEventId(eventId).get();
        return Optional.of(new WrittenEvent(e.getId(), e.getChangeKey()));
      } catch (ApiException ex) {
        if (ex.getResponseStatusCode() == 404) {
          return Optional.<WrittenEvent>empty();
        }
        throw ex;
      }
    });
  }

  // ---- writes ----------------------------------------------------------------------------------------------------

  @Override
  public Future<WrittenEvent> create(Grant grant, String calendarId, OutboundEvent event) {
    return blocking(grant, () -> {
      // Graph remembers a transactionId after its event is deleted (400 ErrorDuplicateTransactionId): a booking
      // event the provider deleted is created again under the next generation, {proposedId}-{n}. A retried create
      // still finds the event of its generation, so it never duplicates. Each attempt gets a fresh body (the SDK's
      // backing store would send only changed fields the second time).
      for (int generation = 0; ; generation++) {
        Event body = body(event);
        body.setTransactionId(generation == 0 ? event.proposedId() : event.proposedId() + "-" + generation);
        SingleValueLegacyExtendedProperty tag = new SingleValueLegacyExtendedProperty();
        tag.setId(BOOKING_PROPERTY);
        tag.setValue(event.bookingId());
        body.setSingleValueExtendedProperties(List.of(tag));
        try {
          Event created = mailbox(grant).calendars().byCalendarId(calendarId).events().post(body);
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
    return blocking(grant, () -> {
      try {
        Event updated = mailbox(grant).events().byEventId(eventId).patch(body(event), rc -> {
          if (etag != null) {
            rc.headers.add("If-Match", "W/\"" + etag + "\"");
          }
        });
        return new WrittenEvent(updated.getId(), updated.getChangeKey());
      } catch (ApiException ex) {
        if (ex.getResponseStatusCode() == 404) {
          // The event no longer has the etag we hold (it is gone): the caller re-reads and re-creates.
          throw new ConnectorException.EtagMismatch("Graph 404: the event is gone", ex);
        }
        throw ex;
      }
    });
  }

  @Override
  public Future<Void> delete(Grant grant, String calendarId, String eventId, String etag) {
    return blocking(grant, () -> {
      try {
        mailbox(grant).events().byEventId(eventId).delete(rc -> {
          if (etag != null) {
            rc.headers.add("If-Match", "W/\"" + etag + "\"");
          }
        });
      } catch (ApiException ex) {
        if (ex.getResponseStatusCode() != 404) {
          throw ex;
        }
      }
      return null;
    });
  }

  private static Event body(OutboundEvent event) {
    String zone = WindowsZones.toWindows(event.zone());
    Event body = new Event();
    body.setSubject(event.summary());
    ItemBody text = new ItemBody();
    text.setContentType(BodyType.Text);
    text.setContent(event.description());
    body.setBody(text);
    body.setStart(dateTime(event.time().start(), event.zone(), zone));
    body.setEnd(dateTime(event.time().end(), event.zone(), zone));
    body.setShowAs(FreeBusyStatus.Busy);
    return body;
  }

  private static DateTimeTimeZone dateTime(Instant at, ZoneId zone, String windowsName) {
    DateTimeTimeZone value = new DateTimeTimeZone();
    value.setDateTime(GRAPH_LOCAL.format(LocalDateTime.ofInstant(at, zone)));
    value.setTimeZone(windowsName);
    return value;
  }

  // ---- live free/busy --------------------------------------------------------------------------------------------

  /**
   * getSchedule of the connected account (its whole mailbox: Graph has no per-calendar free/busy), asked in UTC with
   * explicit bounds (P23); statuses the busy policy counts are returned, clipped to the window, merged.
   */
  @Override
  public Future<List<TimeRange>> busy(Grant grant, List<String> calendarIds, TimeRange window) {
    // calendarView of each chosen calendar, not getSchedule: getSchedule reflects the default calendar only and is
    // refused for personal Microsoft accounts (reference/external-apis.md P35).
    return blocking(grant, () -> {
      List<TimeRange> busy = new ArrayList<>();
      for (String calendarId : calendarIds) {
        var view = mailbox(grant).calendars().byCalendarId(calendarId).calendarView();
        var page = view.get(rc -> {
          rc.queryParameters.startDateTime = window.start().toString();
          rc.queryParameters.endDateTime = window.end().toString();
          rc.queryParameters.select = new String[] {"start", "end", "showAs", "isCancelled"};
          rc.queryParameters.top = 100;
          rc.headers.add("Prefer", "outlook.timezone=\"UTC\"");
        });
        for (int pages = 0; page != null; pages++) {
          for (Event e : page.getValue()) {
            if (Boolean.TRUE.equals(e.getIsCancelled()) || !settings.busyPolicy().blocks(showAs(e.getShowAs()))) {
              continue;
            }
            Instant start = max(instant(e.getStart()), window.start());
            Instant end = min(instant(e.getEnd()), window.end());
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
      return merge(busy);
    }).timeout(settings.liveTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .recover(err -> Future.failedFuture(err instanceof ConnectorException ? err
            : new ConnectorException.Unavailable("calendarView: " + err.getMessage(), err)));
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static List<TimeRange> merge(List<TimeRange> ranges) {
    List<TimeRange> sorted = new ArrayList<>(ranges);
    sorted.sort((a, b) -> a.start().compareTo(b.start()));
    List<TimeRange> out = new ArrayList<>();
    for (TimeRange r : sorted) {
      TimeRange last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && !r.start().isAfter(last.end())) {
        out.set(out.size() - 1, new TimeRange(last.start(), max(last.end(), r.end())));
      } else {
        out.add(r);
      }
    }
    return out;
  }

  // ---- subscriptions ---------------------------------------------------------------------------------------------

  /**
   * Creates a Graph subscription on the calendar's events. Graph validates {@code callbackUrl} (and the same URL for
   * lifecycle events) by a handshake before it answers; the expiry is capped at the configured maximum lifetime.
   */
  @Override
  public Future<PushChannel> watch(Grant grant, String calendarId, String channelId, String secret,
      String callbackUrl, Instant requestedExpiry) {
    return blocking(grant, () -> {
      Instant cap = clock.instant().plus(settings.maxSubscriptionLifetime());
      Subscription s = new Subscription();
      s.setChangeType("created,updated,deleted");
      s.setResource(mailboxPath(grant) + "/calendars/" + calendarId + "/events");
      s.setNotificationUrl(callbackUrl);
      s.setLifecycleNotificationUrl(callbackUrl);
      s.setClientState(secret);
      s.setExpirationDateTime((requestedExpiry.isAfter(cap) ? cap : requestedExpiry).atOffset(ZoneOffset.UTC));
      Subscription created = client(grant).subscriptions().post(s);
      return new PushChannel(channelId, created.getId(), Secrets.sha256(secret),
          created.getExpirationDateTime().toInstant());
    });
  }

  /** Moves a subscription's expiry (renewal, or the answer to reauthorizationRequired). */
  public Future<PushChannel> renew(Grant grant, PushChannel channel, Instant requestedExpiry) {
    return blocking(grant, () -> {
      Instant cap = clock.instant().plus(settings.maxSubscriptionLifetime());
      Subscription s = new Subscription();
      s.setExpirationDateTime((requestedExpiry.isAfter(cap) ? cap : requestedExpiry).atOffset(ZoneOffset.UTC));
      Subscription renewed = client(grant).subscriptions().bySubscriptionId(channel.resourceId()).patch(s);
      return new PushChannel(channel.id(), channel.resourceId(), channel.secretHash(),
          renewed.getExpirationDateTime().toInstant());
    });
  }

  @Override
  public Future<Void> stop(Grant grant, PushChannel channel) {
    return blocking(grant, () -> {
      try {
        client(grant).subscriptions().bySubscriptionId(channel.resourceId()).delete();
      } catch (ApiException ex) {
        if (ex.getResponseStatusCode() != 404) {
          throw ex;
        }
      }
      return null;
    });
  }

  // ---- errors ----------------------------------------------------------------------------------------------------

  private static final Set<String> RESYNC_CODES = Set.of("syncStateNotFound", "resyncRequired", "syncStateInvalid");

  /** Graph errors → the engine's reactions, in one place. */
  static RuntimeException translate(RuntimeException e) {
    if (e instanceof ConnectorException) {
      return e;
    }
    Throwable cause = e;
    while (cause != null && !(cause instanceof ApiException) && !(cause instanceof ConnectorException)) {
      cause = cause.getCause();
    }
    if (cause instanceof ConnectorException ce) {
      return ce;
    }
    if (!(cause instanceof ApiException api)) {
      return new ConnectorException.Unavailable(String.valueOf(e.getMessage()), e);
    }
    int status = api.getResponseStatusCode();
    String code = api instanceof ODataError odata && odata.getError() != null ? odata.getError().getCode() : "";
    String message = "Graph " + status + " " + code;
    if (status == 410 || RESYNC_CODES.contains(code)) {
      return new ConnectorException.SyncTokenExpired(message, e);
    }
    if (status == 412) {
      return new ConnectorException.EtagMismatch(message, e);
    }
    if (status == 429 || status == 503 && retryAfter(api) > 0) {
      return new ConnectorException.RateLimited(message, retryAfter(api), e);
    }
    if (status == 401) {
      return new ConnectorException.AuthorizationRevoked(message, e);
    }
    String detail = api instanceof ODataError odata && odata.getError() != null
        ? String.valueOf(odata.getError().getMessage()) : "";
    if (status == 403 && code.equals("ErrorAccessDenied") && detail.contains("AccessPolicy")) {
      // An Exchange application access policy excludes the mailbox (app-only): nothing works until an admin
      // changes the policy, so the connection is broken with Graph's reason (P40).
      return new ConnectorException.AuthorizationRevoked(message + ": " + detail, e);
    }
    if (status >= 500 || status == 408) {
      return new ConnectorException.Unavailable(message, e);
    }
    // Graph's own words say what was wrong (an http notification URL, a lifetime over the maximum): keep them for logs.
    return new ConnectorException.Rejected(detail.isEmpty() || detail.equals("null") ? message : message + ": " + detail,
        e);
  }

  private static long retryAfter(ApiException api) {
    var headers = api.getResponseHeaders();
    if (headers == null) {
      return 0;
    }
    for (var entry : headers.entrySet()) {
      if (entry.getKey().equalsIgnoreCase("Retry-After") && !entry.getValue().isEmpty()) {
        try {
          return Long.parseLong(entry.getValue().iterator().next().strip()) * 1000;
        } catch (NumberFormatException ignored) {
          return 0;
        }
      }
    }
    return 0;
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
