package dev.dovetail.sync.google;

import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.CalendarList;
import com.google.api.services.calendar.model.CalendarListEntry;
import com.google.api.services.calendar.model.Channel;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventDateTime;
import com.google.api.services.calendar.model.Events;
import com.google.api.services.calendar.model.FreeBusyCalendar;
import com.google.api.services.calendar.model.FreeBusyRequest;
import com.google.api.services.calendar.model.FreeBusyRequestItem;
import com.google.api.services.calendar.model.FreeBusyResponse;
import com.google.api.services.calendar.model.TimePeriod;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.UserCredentials;
import dev.dovetail.kernel.TimeRange;
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
import dev.dovetail.sync.domain.Spans;
import dev.dovetail.sync.domain.WrittenEvent;
import dev.dovetail.sync.port.out.CalendarConnector;
import dev.dovetail.sync.port.out.FreeBusySupport;
import dev.dovetail.sync.port.out.PushSupport;
import dev.dovetail.sync.port.out.RevokeSupport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link CalendarConnector} for Google Calendar API v3, with every capability (push channels, live free/busy, revoke),
 * on the official client (google-api-services-calendar) with google-auth-library user credentials (refresh token →
 * short-lived access tokens, refreshed by the library). The client is blocking, so every call runs on a Vert.x
 * worker thread. Reads use {@code singleEvents=true}: Google expands recurring events into instances in the event's
 * own zone (ADR 13) and reports cancelled instances and deleted events with minimal fields; incremental reads send the
 * same parameters as the full read plus the sync token, never time bounds or filters (Google refuses them with a token). Writes use PUT with every
 * field we own (PUT clears what it leaves out) and If-Match.
 */
public final class GoogleCalendarConnector
    implements CalendarConnector, PushSupport, FreeBusySupport, RevokeSupport {

  static final String BOOKING_PROPERTY = "dovetailBooking";
  private static final int PAGE_SIZE = 250;
  private static final int MAX_PAGES = 1000;

  private final Vertx vertx;
  private static final HttpClient REVOKE_HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .build();
  private final GoogleSettings settings;
  private final HttpTransport transport;
  private final JsonFactory json = GsonFactory.getDefaultInstance();
  private final Map<String, Client> clients = new ConcurrentHashMap<>();

  private record Client(String refreshToken, UserCredentials credentials, Calendar api) {}

  public GoogleCalendarConnector(Vertx vertx, GoogleSettings settings) {
    this.vertx = vertx;
    this.settings = settings;
    this.transport = new NetHttpTransport();
  }

  @Override
  public CalendarProvider provider() {
    return CalendarProvider.GOOGLE;
  }

  /** The Calendar client for a grant; access tokens are cached per connection and refreshed by the library. */
  Calendar api(Grant grant) {
    Client cached = clients.get(grant.connectionId());
    if (cached != null && cached.refreshToken().equals(grant.refreshToken())) {
      return cached.api();
    }
    Client client = client(grant.refreshToken());
    clients.put(grant.connectionId(), client);
    return client.api();
  }

  /** The id of the primary calendar (the account's address) of a new grant; blocking, not cached. */
  String primaryCalendarId(String refreshToken) throws IOException {
    return client(refreshToken).api().calendars().get("primary").execute().getId();
  }

  private Client client(String refreshToken) {
    UserCredentials credentials = UserCredentials.newBuilder()
        .setClientId(settings.clientId())
        .setClientSecret(settings.clientSecret())
        .setRefreshToken(refreshToken)
        .setTokenServerUri(URI.create(settings.tokenUrl()))
        .setHttpTransportFactory(() -> transport)
        .setExpirationMargin(Duration.ofSeconds(10))
        .setRefreshMargin(Duration.ofSeconds(20))
        .build();
    Calendar api = new Calendar.Builder(transport, json, new HttpCredentialsAdapter(credentials))
        .setRootUrl(settings.apiRoot())
        .setApplicationName("Dovetail")
        .build();
    return new Client(refreshToken, credentials, api);
  }

  @Override
  public Future<List<ExternalCalendar>> calendars(Grant grant) {
    return blocking(grant, () -> {
      List<ExternalCalendar> all = new ArrayList<>();
      String page = null;
      do {
        CalendarList list = api(grant).calendarList().list().setPageToken(page).execute();
        for (CalendarListEntry e : list.getItems() == null ? List.<CalendarListEntry>of() : list.getItems()) {
          boolean writable = "owner".equals(e.getAccessRole()) || "writer".equals(e.getAccessRole());
          all.add(new ExternalCalendar(e.getId(), e.getSummary() == null ? e.getId() : e.getSummary(),
              Boolean.TRUE.equals(e.getPrimary()), writable));
        }
        page = list.getNextPageToken();
      } while (page != null);
      return all;
    });
  }

  @Override
  public Future<ChangeSet> changes(Grant grant, String calendarId, String token) {
    return blocking(grant, () -> {
      List<ExternalChange> changes = new ArrayList<>();
      List<Instant> changedAt = new ArrayList<>();
      String page = null;
      String nextSyncToken = null;
      for (int pages = 0; pages < MAX_PAGES; pages++) {
        Calendar.Events.List request = api(grant).events().list(calendarId)
            .setSingleEvents(true)
            .setShowDeleted(true)
            .setMaxResults(PAGE_SIZE)
            .setSyncToken(token)
            .setPageToken(page);
        Events events = request.execute();
        for (Event e : events.getItems() == null ? List.<Event>of() : events.getItems()) {
          changes.add(toChange(calendarId, e));
          if (e.getUpdated() != null) {
            changedAt.add(Instant.ofEpochMilli(e.getUpdated().getValue()));
          }
        }
        page = events.getNextPageToken();
        if (page == null) {
          nextSyncToken = events.getNextSyncToken();
          break;
        }
      }
      if (nextSyncToken == null) {
        throw new ConnectorException.Unavailable("Google's listing of " + calendarId + " ended without a sync token",
            null);
      }
      return new ChangeSet(changes, nextSyncToken, token == null, changedAt);
    });
  }

  /** One list item as a change: cancelled → removal (instance or whole event), otherwise the instance as it is. */
  static ExternalChange toChange(String calendarId, Event e) {
    boolean instance = e.getRecurringEventId() != null;
    String eventId = instance ? e.getRecurringEventId() : e.getId();
    String instanceKey = instance ? instanceKey(e.getOriginalStartTime(), e.getId()) : "";
    if ("cancelled".equals(e.getStatus())) {
      return new ExternalChange.Removed(calendarId, eventId, instance ? instanceKey : null);
    }
    EventDateTime start = e.getStart();
    EventDateTime end = e.getEnd();
    if (start == null || end == null) {
      return new ExternalChange.Removed(calendarId, eventId, instanceKey);
    }
    ShowAs showAs = "transparent".equals(e.getTransparency()) ? ShowAs.FREE
        : "tentative".equals(e.getStatus()) ? ShowAs.TENTATIVE : ShowAs.BUSY;
    if (start.getDate() != null) {
      LocalDate from = LocalDate.parse(start.getDate().toStringRfc3339().substring(0, 10));
      LocalDate to = end.getDate() == null ? from.plusDays(1)
          : LocalDate.parse(end.getDate().toStringRfc3339().substring(0, 10));
      if (!to.isAfter(from)) {
        return new ExternalChange.Removed(calendarId, eventId, instanceKey);
      }
      return new ExternalChange.Upserted(
          ExternalEvent.allDay(calendarId, eventId, instanceKey, e.getEtag(), from, to, showAs));
    }
    if (start.getDateTime() == null || end.getDateTime() == null) {
      return new ExternalChange.Removed(calendarId, eventId, instanceKey);
    }
    Instant from = Instant.ofEpochMilli(start.getDateTime().getValue());
    Instant to = Instant.ofEpochMilli(end.getDateTime().getValue());
    if (!to.isAfter(from)) {
      return new ExternalChange.Removed(calendarId, eventId, instanceKey); // zero-length: blocks nothing
    }
    return new ExternalChange.Upserted(
        ExternalEvent.timed(calendarId, eventId, instanceKey, e.getEtag(), new TimeRange(from, to), showAs));
  }

  /** An instance's key: its original start as a UTC instant (or date), which identifies it even after a move. */
  static String instanceKey(EventDateTime originalStart, String fallbackId) {
    if (originalStart == null) {
      return fallbackId;
    }
    if (originalStart.getDateTime() != null) {
      return Instant.ofEpochMilli(originalStart.getDateTime().getValue()).toString();
    }
    if (originalStart.getDate() != null) {
      return originalStart.getDate().toStringRfc3339().substring(0, 10);
    }
    return fallbackId;
  }

  @Override
  public Future<Optional<WrittenEvent>> find(Grant grant, String calendarId, String eventId) {
    return blocking(grant, () -> {
      try {
        Event e = api(grant).events().get(calendarId, eventId).execute();
        return "cancelled".equals(e.getStatus())
            ? Optional.<WrittenEvent>empty()
            : Optional.of(new WrittenEvent(e.getId(), e.getEtag()));
      } catch (IOException err) {
        if (GoogleErrors.hasStatus(err, 404) || GoogleErrors.hasStatus(err, 410)) {
          return Optional.empty();
        }
        throw err;
      }
    });
  }

  @Override
  public Future<WrittenEvent> create(Grant grant, String calendarId, OutboundEvent event) {
    return blocking(grant, () -> {
      Event body = toEvent(event).setId(event.proposedId());
      try {
        return written(api(grant).events().insert(calendarId, body).setSendUpdates("none").execute());
      } catch (IOException err) {
        if (!GoogleErrors.hasStatus(err, 409)) {
          throw err;
        }
        // Created by an earlier attempt whose answer was lost (or deleted since): write it as it should be.
        return written(api(grant).events().update(calendarId, event.proposedId(), body).setSendUpdates("none")
            .execute());
      }
    });
  }

  @Override
  public Future<WrittenEvent> update(
      Grant grant, String calendarId, String eventId, String etag, OutboundEvent event) {
    return blocking(grant, () -> {
      Calendar.Events.Update request = api(grant).events().update(calendarId, eventId, toEvent(event))
          .setSendUpdates("none");
      if (etag != null) {
        request.setRequestHeaders(new HttpHeaders().setIfMatch(etag));
      }
      try {
        return written(request.execute());
      } catch (IOException err) {
        if (GoogleErrors.hasStatus(err, 404) || GoogleErrors.hasStatus(err, 410)) {
          throw new ConnectorException.EtagMismatch("the event is gone", err);
        }
        throw err;
      }
    });
  }

  @Override
  public Future<Void> delete(Grant grant, String calendarId, String eventId, String etag) {
    return blocking(grant, () -> {
      Calendar.Events.Delete request = api(grant).events().delete(calendarId, eventId).setSendUpdates("none");
      if (etag != null) {
        request.setRequestHeaders(new HttpHeaders().setIfMatch(etag));
      }
      try {
        request.execute();
      } catch (IOException err) {
        // 410 deleted / 404: already gone, which is what we wanted.
        if (!GoogleErrors.hasStatus(err, 410) && !GoogleErrors.hasStatus(err, 404)) {
          throw err;
        }
      }
      return null;
    });
  }

  @Override
  public Future<List<TimeRange>> busy(Grant grant, List<String> calendarIds, TimeRange window) {
    return blocking(grant, () -> {
      FreeBusyRequest request = new FreeBusyRequest()
          .setTimeMin(new DateTime(window.start().toEpochMilli()))
          .setTimeMax(new DateTime(window.end().toEpochMilli()))
          .setTimeZone("UTC")
          .setItems(calendarIds.stream().map(id -> new FreeBusyRequestItem().setId(id)).toList());
      FreeBusyResponse response = api(grant).freebusy().query(request).execute();
      List<TimeRange> busy = new ArrayList<>();
      for (String id : calendarIds) {
        FreeBusyCalendar cal = response.getCalendars() == null ? null : response.getCalendars().get(id);
        if (cal == null || (cal.getErrors() != null && !cal.getErrors().isEmpty())) {
          throw new ConnectorException.Unavailable("Google has no free/busy for " + id, null);
        }
        for (TimePeriod p : cal.getBusy() == null ? List.<TimePeriod>of() : cal.getBusy()) {
          Instant from = Instant.ofEpochMilli(p.getStart().getValue());
          Instant to = Instant.ofEpochMilli(p.getEnd().getValue());
          if (to.isAfter(from)) {
            busy.add(new TimeRange(from, to));
          }
        }
      }
      return Spans.union(busy);
    });
  }

  @Override
  public Future<PushChannel> watch(Grant grant, String calendarId, String channelId, String secret,
      String callbackUrl, Instant requestedExpiry) {
    return blocking(grant, () -> {
      Channel request = new Channel().setId(channelId).setType("web_hook").setAddress(callbackUrl)
          .setToken(secret).setExpiration(requestedExpiry.toEpochMilli());
      Channel opened = api(grant).events().watch(calendarId, request).setSingleEvents(true).setShowDeleted(true)
          .setMaxResults(PAGE_SIZE).execute();
      Instant expires = opened.getExpiration() == null ? requestedExpiry : Instant.ofEpochMilli(opened.getExpiration());
      return new PushChannel(opened.getId(), opened.getResourceId(), "", expires);
    });
  }

  @Override
  public Future<Void> stop(Grant grant, PushChannel channel) {
    return blocking(grant, () -> {
      try {
        api(grant).channels().stop(new Channel().setId(channel.id()).setResourceId(channel.resourceId())).execute();
      } catch (IOException err) {
        if (!GoogleErrors.hasStatus(err, 404)) {
          throw err;
        }
      }
      return null;
    });
  }

  private static Event toEvent(OutboundEvent event) {
    String zone = event.zone().getId();
    return new Event()
        .setSummary(event.summary())
        .setDescription(event.description())
        .setStatus("confirmed")
        .setTransparency("opaque")
        .setStart(new EventDateTime().setDateTime(new DateTime(event.time().start().toEpochMilli())).setTimeZone(zone))
        .setEnd(new EventDateTime().setDateTime(new DateTime(event.time().end().toEpochMilli())).setTimeZone(zone))
        .setExtendedProperties(new Event.ExtendedProperties()
            .setPrivate(Map.of(BOOKING_PROPERTY, event.bookingId())));
  }

  private static WrittenEvent written(Event e) {
    return new WrittenEvent(e.getId(), e.getEtag());
  }

  /**
   * Revokes the grant at Google ({@code POST revoke}, the refresh token as {@code token}): the provider disconnected,
   * so Dovetail no longer appears among their account's third-party apps. A token Google no longer knows
   * ({@code invalid_token}) counts as revoked.
   */
  @Override
  public Future<Void> revoke(Grant grant) {
    clients.remove(grant.connectionId());
    return vertx.<Void>executeBlocking(() -> {
      HttpRequest request = HttpRequest.newBuilder(URI.create(settings.revokeUrl()))
          .timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("token="
              + URLEncoder.encode(grant.refreshToken(), StandardCharsets.UTF_8)))
          .build();
      HttpResponse<String> answer = REVOKE_HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() == 200 || answer.statusCode() == 400 && answer.body().contains("invalid_token")) {
        return null;
      }
      throw new ConnectorException.Unavailable("revoke answered " + answer.statusCode(), null);
    }, false).recover(err -> Future.failedFuture(err instanceof ConnectorException ? err
        : new ConnectorException.Unavailable("revoke: " + err.getMessage(), err)));
  }

  /**
   * Runs a blocking client call on a worker. A 401 that survived the library's own refresh is checked by refreshing
   * once more: a refresh refused with invalid_grant means the grant was revoked, anything else is transient.
   */
  private <T> Future<T> blocking(Grant grant, Callable<T> call) {
    return vertx.<T>executeBlocking(() -> {
      try {
        return call.call();
      } catch (IOException err) {
        Client client = clients.get(grant.connectionId());
        if (GoogleErrors.hasStatus(err, 401) && client != null) {
          client.credentials().refresh();
        }
        throw err;
      }
    }, false).recover(err -> Future.failedFuture(GoogleErrors.map(err)));
  }
}
