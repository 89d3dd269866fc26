package dev.dovetail.sync.google;

import com.google.api.client.auth.oauth2.AuthorizationCodeTokenRequest;
import com.google.api.client.auth.oauth2.ClientParametersAuthentication;
import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.ConnectorException;
import dev.dovetail.sync.domain.GrantedAccount;
import dev.dovetail.sync.port.out.OAuthClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Google's OAuth 2.0 web-server flow: consent with {@code access_type=offline} and {@code prompt=consent} (so Google
 * issues a refresh token every time), then the authorization-code exchange at the token endpoint. The account is the
 * id of the user's primary calendar (their address), read with the new grant.
 */
public final class GoogleOAuthClient implements OAuthClient {

  /**
   * The narrowest scopes that cover every call the hub makes (ADR 38): {@code calendar.events} for reading, writing and
   * watching events; {@code calendar.readonly} for the calendar list, the primary calendar's id and freeBusy. The full
   * {@code calendar} scope would also let a leaked grant change calendars and their sharing.
   */
  public static final String SCOPE = "https://www.googleapis.com/auth/calendar.events "
      + "https://www.googleapis.com/auth/calendar.readonly";

  private final Vertx vertx;
  private final GoogleSettings settings;
  private final GoogleCalendarConnector connector;

  public GoogleOAuthClient(Vertx vertx, GoogleSettings settings, GoogleCalendarConnector connector) {
    this.vertx = vertx;
    this.settings = settings;
    this.connector = connector;
  }

  @Override
  public CalendarProvider provider() {
    return CalendarProvider.GOOGLE;
  }

  @Override
  public String authorizationUrl(String state, String redirectUri) {
    return settings.authorizationUrl() + "?response_type=code"
        + "&client_id=" + encode(settings.clientId())
        + "&redirect_uri=" + encode(redirectUri)
        + "&scope=" + encode(SCOPE)
        + "&access_type=offline&prompt=consent&include_granted_scopes=true"
        + "&state=" + encode(state);
  }

  @Override
  public Future<GrantedAccount> exchange(String code, String redirectUri) {
    return vertx.executeBlocking(() -> {
      TokenResponse tokens = new AuthorizationCodeTokenRequest(new NetHttpTransport(),
          GsonFactory.getDefaultInstance(), new GenericUrl(settings.tokenUrl()), code)
          .setRedirectUri(redirectUri)
          .setClientAuthentication(new ClientParametersAuthentication(settings.clientId(), settings.clientSecret()))
          .execute();
      if (tokens.getRefreshToken() == null) {
        throw new ConnectorException.Rejected("Google returned no refresh token (offline access not granted)", null);
      }
      String account = connector.primaryCalendarId(tokens.getRefreshToken());
      return new GrantedAccount(account, tokens.getRefreshToken());
    }, false).recover(err -> Future.failedFuture(GoogleErrors.map(err)));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
