package dev.dovetail.outlook;

import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.ConnectorException;
import dev.dovetail.sync.domain.GrantedAccount;
import dev.dovetail.sync.port.out.OAuthClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.util.Map;

/**
 * The Outlook connect flow: the consent URL of the Microsoft identity platform, then the code exchange; the account
 * is the signed-in user's principal name, read from Graph {@code /me} with the new access token. A consent without a
 * refresh token (offline_access refused) is rejected, since sync could not go on without the provider.
 */
public final class MicrosoftOAuthClient implements OAuthClient {

  private final Vertx vertx;
  private final MicrosoftIdentity identity;
  private final String graphBase;
  private final boolean signInOnly;

  public MicrosoftOAuthClient(Vertx vertx, MicrosoftIdentity identity, String graphBase) {
    this(vertx, identity, graphBase, false);
  }

  private MicrosoftOAuthClient(Vertx vertx, MicrosoftIdentity identity, String graphBase, boolean signInOnly) {
    this.vertx = vertx;
    this.identity = identity;
    this.graphBase = graphBase;
    this.signInOnly = signInOnly;
  }

  /**
   * The connect flow of app-only connections (ADR 21): the provider signs in only to prove which mailbox is theirs
   * (the app could otherwise be pointed at any mailbox of the tenant); the grant keeps no refresh token.
   */
  public static MicrosoftOAuthClient signInOnly(Vertx vertx, MicrosoftIdentity identity, String graphBase) {
    return new MicrosoftOAuthClient(vertx, identity, graphBase, true);
  }

  @Override
  public CalendarProvider provider() {
    return CalendarProvider.OUTLOOK;
  }

  @Override
  public String authorizationUrl(String state, String redirectUri) {
    return identity.authorizationUrl(state, redirectUri, scopes());
  }

  @Override
  public Future<GrantedAccount> exchange(String code, String redirectUri) {
    return vertx.executeBlocking(() -> {
      try {
        MicrosoftIdentity.Tokens tokens = identity.exchange(code, redirectUri, scopes());
        if (!signInOnly && tokens.refreshToken() == null) {
          throw new ConnectorException.Rejected("the consent gave no refresh token (offline_access missing)", null);
        }
        User me = client(tokens.accessToken()).me().get();
        String account = me.getUserPrincipalName() != null ? me.getUserPrincipalName() : me.getMail();
        if (account == null) {
          throw new ConnectorException.Rejected("Graph /me has no principal name", null);
        }
        return new GrantedAccount(account, signInOnly ? "" : tokens.refreshToken());
      } catch (RuntimeException e) {
        throw GraphErrors.translate(e);
      }
    }, false);
  }

  private String scopes() {
    return signInOnly ? MicrosoftIdentity.SIGN_IN_SCOPES : MicrosoftIdentity.SCOPES;
  }

  private GraphServiceClient client(String accessToken) {
    AllowedHostsValidator hosts = new AllowedHostsValidator(URI.create(graphBase).getHost());
    GraphServiceClient client = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(
        new AccessTokenProvider() {
          @Override
          public String getAuthorizationToken(URI uri, Map<String, Object> context) {
            return accessToken;
          }

          @Override
          public AllowedHostsValidator getAllowedHostsValidator() {
            return hosts;
          }
        }));
    client.getRequestAdapter().setBaseUrl(graphBase);
    return client;
  }
}
