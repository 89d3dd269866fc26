package dev.dovetail.outlook;

import com.azure.core.credential.SimpleTokenCache;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.HttpClient;
import com.azure.identity.AzureAuthorityHosts;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.AzureIdentityAccessTokenProvider;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import dev.dovetail.sync.domain.ConnectorException;
import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * Organisation-wide ("app-only") access to a Microsoft 365 tenant's mailboxes (ADR 21): the hub signs in as the app
 * with azure-identity's {@code ClientSecretCredential} (client-credentials grant, scope
 * {@code https://graph.microsoft.com/.default}, application permission Calendars.ReadWrite granted by the tenant's
 * admin). There is no refresh token: azure-identity caches the app's short-lived access tokens in memory and asks
 * for new ones itself. The Graph SDK gets them through Kiota's {@code AzureIdentityAccessTokenProvider}; a refusal
 * by the identity platform (wrong or expired secret, consent withdrawn) becomes {@code AuthorizationRevoked} with
 * its reason, anything else (network, outage) {@code Unavailable}.
 */
public final class MicrosoftAppAccess {

  /** The one scope of the client-credentials grant: every application permission the admin granted. */
  public static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";
  private static final Set<String> KNOWN_AUTHORITIES = Set.of(AzureAuthorityHosts.AZURE_PUBLIC_CLOUD,
      AzureAuthorityHosts.AZURE_CHINA, AzureAuthorityHosts.AZURE_GOVERNMENT);

  /** The authority host (e.g. https://login.microsoftonline.com), tenant id and the app's id and secret. */
  public record Settings(String authorityHost, String tenant, String clientId, String clientSecret) {

    @Override
    public String toString() {
      return "Settings[" + authorityHost + ", " + tenant + ", " + clientId + "]";
    }
  }

  private final TokenCredential credential;

  public MicrosoftAppAccess(Settings settings) {
    this(settings, null);
  }

  /**
   * With {@code http} the identity platform is reached through that azure-core client (a test that trusts its
   * emulator's certificate); without it, through azure-core's default client and the JVM's trust store.
   */
  public MicrosoftAppAccess(Settings settings, HttpClient http) {
    String authority = settings.authorityHost().replaceAll("/+$", "");
    ClientSecretCredentialBuilder builder = new ClientSecretCredentialBuilder()
        .authorityHost(authority)
        .tenantId(settings.tenant())
        .clientId(settings.clientId())
        .clientSecret(settings.clientSecret());
    if (!KNOWN_AUTHORITIES.contains(authority)) {
      // Instance discovery asks Microsoft about the authority; a private or emulated one is not on its list.
      builder.disableInstanceDiscovery();
    }
    if (http != null) {
      builder.httpClient(http);
    }
    TokenCredential app = builder.build();
    // MSAL's own cache missed on every call in our tests (each Graph request cost a token request), so azure-core's
    // SimpleTokenCache keeps the app's one token and asks azure-identity again five minutes before it expires.
    TokenRequestContext graph = new TokenRequestContext().addScopes(GRAPH_SCOPE);
    SimpleTokenCache cache = new SimpleTokenCache(() -> app.getToken(graph));
    this.credential = request -> cache.getToken();
  }

  /** A Graph client at {@code graphBase} whose every request carries the app's current access token. */
  GraphServiceClient client(String graphBase) {
    String host = URI.create(graphBase).getHost();
    AccessTokenProvider tokens = new AzureIdentityAccessTokenProvider(credential, new String[] {host}, null, false,
        GRAPH_SCOPE);
    AccessTokenProvider translated = new AccessTokenProvider() {
      @Override
      public String getAuthorizationToken(URI uri, Map<String, Object> context) {
        try {
          return tokens.getAuthorizationToken(uri, context);
        } catch (RuntimeException e) {
          throw refusal(e);
        }
      }

      @Override
      public AllowedHostsValidator getAllowedHostsValidator() {
        return tokens.getAllowedHostsValidator();
      }
    };
    GraphServiceClient client = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(translated));
    client.getRequestAdapter().setBaseUrl(graphBase);
    return client;
  }

  /**
   * What a failed token request means for the connection. Kiota wraps azure-identity's exception in a plain
   * RuntimeException, so the cause chain is searched: an answer of the identity platform in the 4xx range (AADSTS
   * codes such as 7000215 invalid secret, 7000222 expired secret, 700016 unknown app, 65001 no consent) refuses the
   * app; any other failure to get a token is an outage.
   */
  private static RuntimeException refusal(RuntimeException e) {
    boolean tokenFailure = false;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MsalServiceException msal && msal.statusCode() >= 400 && msal.statusCode() < 500) {
        String reason = msal.getMessage() == null ? "" : msal.getMessage().lines().findFirst().orElse("");
        return new ConnectorException.AuthorizationRevoked(
            "Microsoft refused the app's credentials (" + msal.errorCode() + "): " + reason, e);
      }
      tokenFailure |= t instanceof ClientAuthenticationException || t instanceof MsalServiceException;
    }
    return tokenFailure ? new ConnectorException.Unavailable("cannot get an app token: " + e.getMessage(), e) : e;
  }
}
