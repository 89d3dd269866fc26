package dev.dovetail.outlook;

import dev.dovetail.sync.domain.ConnectorException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Microsoft identity platform's v2.0 token endpoint for a confidential web app
 * (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow): authorization-code exchange and
 * refresh. Blocking (JDK HTTP client): called from worker threads, as the Graph SDK's token provider is.
 * {@code invalid_grant} (revoked or expired consent) becomes {@link ConnectorException.AuthorizationRevoked}.
 */
public final class MicrosoftIdentity {

  /** Delegated scopes: read and write calendars, and a refresh token. */
  public static final String SCOPES = "offline_access openid email https://graph.microsoft.com/Calendars.ReadWrite";
  /** App-only connections (ADR 21): the sign-in only proves which mailbox is the provider's; no refresh token. */
  public static final String SIGN_IN_SCOPES = "openid email https://graph.microsoft.com/User.Read";

  /** Where the hub reaches Microsoft: the login base (e.g. https://login.microsoftonline.com), tenant, app. */
  public record Settings(String loginBase, String tenant, String clientId, String clientSecret) {

    public String authorizeUrl() {
      return loginBase.replaceAll("/+$", "") + "/" + tenant + "/oauth2/v2.0/authorize";
    }

    public String tokenUrl() {
      return loginBase.replaceAll("/+$", "") + "/" + tenant + "/oauth2/v2.0/token";
    }

    @Override
    public String toString() {
      return "Settings[" + loginBase + ", " + tenant + ", " + clientId + "]";
    }
  }

  /** One token answer. {@code refreshToken} may be null when the service did not rotate it. */
  public record Tokens(String accessToken, String refreshToken, long expiresInSeconds) {

    @Override
    public String toString() {
      return "Tokens[expiresIn=" + expiresInSeconds + "]";
    }
  }

  private final Settings settings;
  private final HttpClient http;

  public MicrosoftIdentity(Settings settings) {
    this(settings, MicrosoftTrust.jdk());
  }

  /** The token endpoint is reached with {@code trust} (the JDK's authorities, perhaps plus a PEM file's). */
  public MicrosoftIdentity(Settings settings, MicrosoftTrust trust) {
    this.settings = settings;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).sslContext(trust.sslContext()).build();
  }

  public Settings settings() {
    return settings;
  }

  public String authorizationUrl(String state, String redirectUri) {
    return authorizationUrl(state, redirectUri, SCOPES);
  }

  public String authorizationUrl(String state, String redirectUri, String scopes) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("client_id", settings.clientId());
    q.put("response_type", "code");
    q.put("redirect_uri", redirectUri);
    q.put("response_mode", "query");
    q.put("scope", scopes);
    q.put("prompt", "consent");
    q.put("state", state);
    return settings.authorizeUrl() + "?" + form(q);
  }

  public Tokens exchange(String code, String redirectUri) {
    return exchange(code, redirectUri, SCOPES);
  }

  public Tokens exchange(String code, String redirectUri, String scopes) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("grant_type", "authorization_code");
    f.put("code", code);
    f.put("redirect_uri", redirectUri);
    f.put("scope", scopes);
    return call(f);
  }

  public Tokens refresh(String refreshToken) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("grant_type", "refresh_token");
    f.put("refresh_token", refreshToken);
    f.put("scope", SCOPES);
    return call(f);
  }

  private Tokens call(Map<String, String> form) {
    form.put("client_id", settings.clientId());
    form.put("client_secret", settings.clientSecret());
    HttpRequest request = HttpRequest.newBuilder(URI.create(settings.tokenUrl()))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(form)))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ConnectorException.Unavailable("token endpoint unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectorException.Unavailable("interrupted", e);
    }
    JsonObject body;
    try {
      body = new JsonObject(response.body());
    } catch (DecodeException e) {
      throw new ConnectorException.Unavailable("token endpoint answered " + response.statusCode(), e);
    }
    if (response.statusCode() == 200 && body.getString("access_token") != null) {
      return new Tokens(body.getString("access_token"), body.getString("refresh_token"),
          body.getLong("expires_in", 3600L));
    }
    String error = body.getString("error", "unknown");
    String message = "token endpoint: " + error + " (" + response.statusCode() + ")";
    if (error.equals("invalid_grant") || error.equals("interaction_required")) {
      throw new ConnectorException.AuthorizationRevoked(message, null);
    }
    if (response.statusCode() == 429 || response.statusCode() >= 500) {
      throw new ConnectorException.Unavailable(message, null);
    }
    throw new ConnectorException.Rejected(message, null);
  }

  private static String form(Map<String, String> values) {
    return values.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
