package dev.dovetail.sync.app;

import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.kernel.NotFoundException;
import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.Connection;
import dev.dovetail.sync.domain.ExternalCalendar;
import dev.dovetail.sync.domain.OAuthState;
import dev.dovetail.sync.domain.SyncState;
import dev.dovetail.sync.port.in.ManageConnections;
import dev.dovetail.sync.port.out.OAuthClient;
import dev.dovetail.sync.port.out.RevokeSupport;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link ManageConnections} over the sync stores, the OAuth clients and the connectors. */
public final class ConnectionService implements ManageConnections {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionService.class);

  private static final Duration STATE_LIFETIME = Duration.ofMinutes(15);
  private static final int MAX_CALENDARS = 50;

  private final SyncContext ctx;
  private final SyncEngine engine;
  private final SyncScheduler scheduler;
  private final Map<CalendarProvider, OAuthClient> oauth;
  private final OAuthState states;
  private final String publicUrl;

  /** {@code publicUrl}: the hub's public base URL, for the OAuth callback. */
  public ConnectionService(SyncContext ctx, SyncEngine engine, SyncScheduler scheduler,
      Map<CalendarProvider, OAuthClient> oauth, OAuthState states, String publicUrl) {
    this.publicUrl = publicUrl.replaceAll("/+$", "");
    this.ctx = ctx;
    this.engine = engine;
    this.scheduler = scheduler;
    this.oauth = Map.copyOf(oauth);
    this.states = states;
  }

  @Override
  public String callbackUri(CalendarProvider provider) {
    return publicUrl + "/api/v1/calendar-connections/" + provider.key() + "/callback";
  }

  @Override
  public Set<CalendarProvider> available() {
    Set<CalendarProvider> both = EnumSet.noneOf(CalendarProvider.class);
    for (CalendarProvider p : CalendarProvider.values()) {
      if (oauth.containsKey(p) && ctx.connectors().containsKey(p)) {
        both.add(p);
      }
    }
    return both;
  }

  @Override
  public String startConnect(String providerId, CalendarProvider provider, String browserNonce, String redirectUri) {
    OAuthClient client = client(provider);
    String state = states.issue(providerId, provider, browserNonce, ctx.clock().instant().plus(STATE_LIFETIME));
    return client.authorizationUrl(state, redirectUri);
  }

  @Override
  public Future<Connection> completeConnect(
      CalendarProvider provider, String state, String code, String browserNonce, String redirectUri) {
    OAuthClient client;
    String providerId;
    try {
      client = client(provider);
      providerId = states.verify(state, provider, browserNonce, ctx.clock().instant()).orElseThrow(() ->
          new InvalidRequestException("the connect link is invalid, has expired or was opened in another browser;"
              + " start connecting again"));
      if (code == null || code.isBlank() || code.length() > 2048) {
        throw new InvalidRequestException("the calendar service sent no authorization code");
      }
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return client.exchange(code, redirectUri).compose(granted -> {
      String id = Connection.idOf(provider, providerId);
      String sealed = ctx.cipher().seal(granted.refreshToken(), id);
      Instant now = ctx.clock().instant();
      return ctx.connections().findById(id).compose(existing -> {
        Connection next = existing.isPresent()
            ? existing.get().regranted(granted.account(), sealed, now)
            : Connection.granted(providerId, provider, granted.account(), sealed, now);
        return ctx.connections().save(next).compose(v -> resync(next)).map(next);
      });
    });
  }

  @Override
  public Future<List<ConnectionView>> list(String providerId) {
    return ctx.connections().listByProvider(providerId).compose(connections -> {
      List<Future<List<SyncState>>> states = connections.stream()
          .map(c -> ctx.states().listByConnection(c.id())).toList();
      return Future.all(states).compose(read -> ctx.conflicts().listByProvider(providerId).map(conflicts -> {
        List<ConnectionView> views = new ArrayList<>();
        for (int i = 0; i < connections.size(); i++) {
          views.add(new ConnectionView(connections.get(i), states.get(i).result(), conflicts));
        }
        return views;
      }));
    });
  }

  @Override
  public Future<List<ExternalCalendar>> calendars(String providerId, CalendarProvider provider) {
    return connection(providerId, provider).compose(c -> ctx.connector(provider).calendars(ctx.grant(c)));
  }

  @Override
  public Future<Connection> choose(String providerId, CalendarProvider provider, Choice choice) {
    if (choice.blocking() == null || choice.blocking().size() > MAX_CALENDARS || choice.whenUnreachable() == null) {
      return Future.failedFuture(new InvalidRequestException(
          "blocking (at most " + MAX_CALENDARS + " calendars) and whenUnreachable are required"));
    }
    return connection(providerId, provider).compose(current -> {
      if (!current.connected()) {
        return Future.failedFuture(new InvalidRequestException("the connection is broken: connect again first"));
      }
      return requireOwnResources(providerId, choice)
          .compose(v -> ctx.connector(provider).calendars(ctx.grant(current)))
          .compose(calendars -> {
            requireKnownCalendars(calendars, choice);
            Connection next = current.choosing(choice.blocking(), choice.targetCalendarId(), choice.whenUnreachable(),
                ctx.clock().instant());
            return ctx.connections().save(next).compose(v -> applyChoice(current, next)).map(next);
          });
    });
  }

  @Override
  public Future<Void> disconnect(String providerId, CalendarProvider provider) {
    return connection(providerId, provider).compose(c -> scheduler.closeChannels(c)
        .compose(v -> revokeAtService(c))
        .compose(v -> {
          Future<Void> chain = Future.succeededFuture();
          for (Map.Entry<String, Set<String>> e : c.blocking().entrySet()) {
            chain = chain.compose(w -> engine.forget(c, e.getKey(), e.getValue()));
          }
          return chain;
        })
        .compose(v -> ctx.states().deleteByConnection(c.id()))
        .compose(v -> ctx.mirrors().deleteByConnection(c.id()))
        .compose(v -> ctx.connections().delete(c.id())));
  }

  /** Best effort: a service that does not answer must not keep the provider from disconnecting. */
  private Future<Void> revokeAtService(Connection c) {
    Optional<RevokeSupport> revocation = ctx.capability(c.provider(), RevokeSupport.class);
    if (!c.connected() || revocation.isEmpty()) {
      return Future.succeededFuture();
    }
    return revocation.get().revoke(ctx.grant(c)).recover(err -> {
      LOG.warn("revoking the grant of {} at the service failed: {}", c.id(), err.getMessage());
      return Future.succeededFuture();
    });
  }

  private Future<Void> applyChoice(Connection before, Connection after) {
    Future<Void> chain = Future.succeededFuture();
    for (Map.Entry<String, Set<String>> e : before.blocking().entrySet()) {
      Set<String> dropped = new HashSet<>(e.getValue());
      dropped.removeAll(after.blocking().getOrDefault(e.getKey(), Set.of()));
      if (!dropped.isEmpty()) {
        chain = chain.compose(v -> engine.forget(before, e.getKey(), dropped));
      }
      if (!after.blocking().containsKey(e.getKey())) {
        Connection closing = before;
        chain = chain.compose(v -> scheduler.closeChannel(closing, e.getKey()))
            .compose(v -> ctx.states().delete(before.id(), e.getKey()));
      }
    }
    return chain.compose(v -> resync(after));
  }

  /** Every chosen calendar is read in full soon (new resources must get all of its events). */
  private Future<Void> resync(Connection connection) {
    Instant now = ctx.clock().instant();
    Future<Void> chain = Future.succeededFuture();
    for (String calendarId : connection.blockingCalendars()) {
      chain = chain.compose(v -> ctx.states().find(connection.id(), calendarId)).compose(found -> ctx.states().save(
          found.map(s -> s.wiped().dueAt(now)).orElse(SyncState.initial(connection.id(), calendarId, now))));
    }
    return chain.andThen(done -> connection.blockingCalendars()
        .forEach(calendarId -> scheduler.request(connection.id(), calendarId)));
  }

  private Future<Void> requireOwnResources(String providerId, Choice choice) {
    Set<String> resources = new HashSet<>();
    choice.blocking().values().forEach(resources::addAll);
    Future<Void> chain = Future.succeededFuture();
    for (String resourceId : resources) {
      chain = chain.compose(v -> ctx.resources().findById(resourceId)).compose(found -> {
        if (found.isEmpty() || !found.get().providerId().equals(providerId)) {
          return Future.failedFuture(new InvalidRequestException("unknown resource: " + resourceId));
        }
        return Future.succeededFuture();
      });
    }
    return chain;
  }

  private static void requireKnownCalendars(List<ExternalCalendar> calendars, Choice choice) {
    Map<String, ExternalCalendar> byId = new HashMap<>();
    calendars.forEach(c -> byId.put(c.id(), c));
    for (String id : choice.blocking().keySet()) {
      if (!byId.containsKey(id)) {
        throw new InvalidRequestException("unknown calendar: " + id);
      }
    }
    String target = choice.targetCalendarId();
    if (target != null && (!byId.containsKey(target) || !byId.get(target).writable())) {
      throw new InvalidRequestException("the target calendar is unknown or read-only: " + target);
    }
  }

  private Future<Connection> connection(String providerId, CalendarProvider provider) {
    return ctx.connections().findById(Connection.idOf(provider, providerId)).compose(found -> found.isPresent()
        ? Future.succeededFuture(found.get())
        : Future.failedFuture(new NotFoundException(provider.key() + " calendar connection", providerId)));
  }

  private OAuthClient client(CalendarProvider provider) {
    OAuthClient client = oauth.get(provider);
    if (client == null || !ctx.connectors().containsKey(provider)) {
      throw new NotFoundException("calendar service (not configured on this hub)", provider.key());
    }
    return client;
  }
}
