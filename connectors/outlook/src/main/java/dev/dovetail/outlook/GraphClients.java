package dev.dovetail.outlook;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.UserItemRequestBuilder;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import dev.dovetail.sync.domain.ConnectorException;
import dev.dovetail.sync.domain.Grant;
import dev.dovetail.sync.port.out.RotatedTokens;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Graph SDK clients and access tokens per connection, and the one way every Graph call runs: on a worker thread
 * (SDK calls block), with a valid access token, its failure mapped by {@link GraphErrors}. Delegated connections
 * refresh their user's token through {@link MicrosoftIdentity} and hand every rotated refresh token to {@link
 * RotatedTokens}; app-only connections (ADR 21) share one client that {@link MicrosoftAppAccess} authenticates.
 */
final class GraphClients {

  private static final Logger LOG = LoggerFactory.getLogger(GraphClients.class);

  private final Vertx vertx;
  private final MicrosoftIdentity identity;
  private final RotatedTokens rotations;
  private final MicrosoftAppAccess app;
  private final String graphBase;
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

  /** {@code app} null: delegated connections through {@code identity}; otherwise app-only through {@code app}. */
  GraphClients(Vertx vertx, MicrosoftIdentity identity, RotatedTokens rotations, MicrosoftAppAccess app,
      String graphBase, Clock clock) {
    this.vertx = vertx;
    this.identity = identity;
    this.rotations = rotations;
    this.app = app;
    this.graphBase = graphBase;
    this.clock = clock;
  }

  /** The mailbox a grant reaches: the signed-in user ({@code /me}) or, app-only, the named user. */
  UserItemRequestBuilder mailbox(Grant grant) {
    return app == null ? client(grant).me() : client(grant).users().byUserId(grant.account());
  }

  /** The same mailbox as a resource path (for subscriptions). */
  String mailboxPath(Grant grant) {
    return app == null ? "/me" : "/users/" + grant.account();
  }

  GraphServiceClient client(Grant grant) {
    if (app != null) {
      return clients.computeIfAbsent("", any -> app.client(graphBase));
    }
    String connectionId = grant.connectionId();
    return clients.computeIfAbsent(connectionId, id -> {
      String host = URI.create(graphBase).getHost();
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
      client.getRequestAdapter().setBaseUrl(graphBase);
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
  void forget(String connectionId) {
    tokens.remove(connectionId);
    clients.remove(connectionId);
  }

  /**
   * Runs an SDK call on a worker thread, with a valid access token, and maps its failure. A 401 means the cached
   * access token is no longer accepted (expired early, skewed clock): the call is retried once after a refresh; if
   * the refresh itself is refused, that is {@code AuthorizationRevoked}.
   */
  <T> Future<T> blocking(Grant grant, Callable<T> call) {
    return authorized(grant).compose(v -> attempt(call)).recover(err -> {
      if (app != null || GraphErrors.status(err) != 401) {
        return Future.failedFuture(GraphErrors.translated(err));
      }
      tokens.computeIfPresent(grant.connectionId(), (id, cached) -> cached.expired());
      return authorized(grant).compose(v -> attempt(call))
          .recover(again -> Future.failedFuture(GraphErrors.translated(again)));
    });
  }

  private <T> Future<T> attempt(Callable<T> call) {
    return vertx.executeBlocking(call, false);
  }
}
