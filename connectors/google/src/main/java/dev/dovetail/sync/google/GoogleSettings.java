package dev.dovetail.sync.google;

import java.util.Objects;

/**
 * The hub's Google OAuth client and where Google is: {@code apiRoot} is the Calendar API root ({@code
 * https://www.googleapis.com/} in production, the emulator in tests); {@code authorizationUrl} and {@code tokenUrl}
 * are the OAuth 2.0 endpoints.
 */
public record GoogleSettings(
    String clientId, String clientSecret, String apiRoot, String authorizationUrl, String tokenUrl) {

  public static final String API_ROOT = "https://www.googleapis.com/";
  public static final String AUTHORIZATION_URL = "https://accounts.google.com/o/oauth2/v2/auth";
  public static final String TOKEN_URL = "https://oauth2.googleapis.com/token";

  public GoogleSettings {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    apiRoot = apiRoot.endsWith("/") ? apiRoot : apiRoot + "/";
    Objects.requireNonNull(authorizationUrl, "authorizationUrl");
    Objects.requireNonNull(tokenUrl, "tokenUrl");
  }

  /**
   * Production endpoints, or an emulator's: {@code apiRoot} null means Google's; {@code oauthBase} (null: Google's)
   * serves {@code <base>/auth} and {@code <base>/token}.
   */
  /** Google's revoke endpoint beside its token endpoint ({@code https://oauth2.googleapis.com/revoke}). */
  public String revokeUrl() {
    return tokenUrl.replaceAll("/token$", "/revoke");
  }

  public static GoogleSettings of(String clientId, String clientSecret, String apiRoot, String oauthBase) {
    String base = oauthBase == null ? null : oauthBase.replaceAll("/+$", "");
    return new GoogleSettings(clientId, clientSecret, apiRoot == null ? API_ROOT : apiRoot,
        base == null ? AUTHORIZATION_URL : base + "/auth", base == null ? TOKEN_URL : base + "/token");
  }
}
