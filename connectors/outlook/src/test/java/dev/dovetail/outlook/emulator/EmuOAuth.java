package dev.dovetail.outlook.emulator;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The Microsoft identity platform's v2.0 endpoints as Graph clients use them: authorize (consents at once and
 * redirects with a code), token (authorization_code, refresh_token with rotation, client_credentials). Access
 * tokens expire; revoking the grant makes refresh answer 400 invalid_grant and every access token 401. Refresh tokens
 * rotate as Microsoft's do: each refresh answers a new one, and every refresh token expires {@link
 * #REFRESH_LIFETIME} after it was issued (AADSTS700082), so a client that keeps its first token loses the grant.
 */
final class EmuOAuth {

  private final Clock clock;
  private final Map<String, String> codes = new HashMap<>();
  /** The default lifetime of a refresh token issued to a confidential web app. */
  static final java.time.Duration REFRESH_LIFETIME = java.time.Duration.ofDays(90);

  private final Map<String, Instant> refreshTokens = new HashMap<>();
  private final Map<String, Instant> accessTokens = new HashMap<>();
  private final Set<String> appOnlyTokens = new HashSet<>();
  volatile String clientId = "emu-client";
  volatile String clientSecret = "emu-secret";
  volatile long expiresInSeconds = 3599;
  int tokenCalls;

  EmuOAuth(Clock clock) {
    this.clock = clock;
  }

  /** GET /{tenant}/oauth2/v2.0/authorize: the user consents; the answer is the redirect with code and state. */
  synchronized String authorize(MultiMap query) {
    if (!clientId.equals(query.get("client_id"))) {
      throw new EmuException(400, "unauthorized_client", "AADSTS700016: application not found");
    }
    String redirect = query.get("redirect_uri");
    if (redirect == null || !"code".equals(query.get("response_type"))) {
      throw new EmuException(400, "invalid_request", "AADSTS900144: redirect_uri and response_type=code needed");
    }
    String code = "0.AX" + EmuMailbox.opaqueId();
    codes.put(code, redirect);
    String state = query.get("state");
    return redirect + (redirect.contains("?") ? "&" : "?") + "code=" + code
        + (state == null ? "" : "&state=" + java.net.URLEncoder.encode(state, java.nio.charset.StandardCharsets.UTF_8));
  }

  /** POST /{tenant}/oauth2/v2.0/token (form). Returns the JSON answer or throws an OAuth error (400/401). */
  synchronized JsonObject token(MultiMap form) {
    tokenCalls++;
    if (!clientId.equals(form.get("client_id")) || !clientSecret.equals(form.get("client_secret"))) {
      throw new EmuException(401, "invalid_client", "AADSTS7000215: Invalid client secret provided.");
    }
    String grant = form.get("grant_type");
    if ("authorization_code".equals(grant)) {
      String redirect = codes.remove(form.get("code"));
      if (redirect == null || !redirect.equals(form.get("redirect_uri"))) {
        throw new EmuException(400, "invalid_grant", "AADSTS70008: The provided authorization code is invalid.");
      }
      return issue(true);
    }
    if ("refresh_token".equals(grant)) {
      Instant expiry = refreshTokens.get(form.get("refresh_token"));
      if (expiry == null || !clock.instant().isBefore(expiry)) {
        throw new EmuException(400, "invalid_grant",
            "AADSTS700082: The refresh token has expired or been revoked.");
      }
      return issue(true);
    }
    if ("client_credentials".equals(grant)) {
      String scope = form.get("scope");
      if (scope == null || !scope.contains("/.default")) {
        throw new EmuException(400, "invalid_scope", "AADSTS1002012: The provided value for scope " + scope
            + " is not valid. Client credential flows must have a scope value with /.default suffixed.");
      }
      JsonObject answer = issue(false);
      answer.remove("scope"); // the v2.0 endpoint names no scope in a client-credentials answer
      appOnlyTokens.add(answer.getString("access_token"));
      return answer;
    }
    throw new EmuException(400, "unsupported_grant_type", "AADSTS70003: unsupported grant_type " + grant);
  }

  private JsonObject issue(boolean withRefresh) {
    String access = "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0." + EmuMailbox.opaqueId() + ".";
    accessTokens.put(access, clock.instant().plusSeconds(expiresInSeconds));
    JsonObject answer = new JsonObject().put("token_type", "Bearer").put("expires_in", expiresInSeconds)
        .put("ext_expires_in", expiresInSeconds).put("scope", "Calendars.ReadWrite offline_access")
        .put("access_token", access);
    if (withRefresh) {
      String refresh = "0.AR" + EmuMailbox.opaqueId() + EmuMailbox.opaqueId();
      refreshTokens.put(refresh, clock.instant().plus(REFRESH_LIFETIME));
      answer.put("refresh_token", refresh);
    }
    return answer;
  }

  /** A valid access token without the token endpoint, for tests that only talk to the Graph API. */
  synchronized String mintAccessToken() {
    return issue(false).getString("access_token");
  }

  synchronized boolean valid(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return false;
    }
    Instant expiry = accessTokens.get(authorization.substring(7));
    return expiry != null && clock.instant().isBefore(expiry);
  }

  /** Whether a bearer token was issued to the app itself (client credentials), which has no {@code /me}. */
  synchronized boolean appOnly(String authorization) {
    return authorization != null && authorization.startsWith("Bearer ")
        && appOnlyTokens.contains(authorization.substring(7));
  }

  /** The user revoked the app's consent (or an admin did). */
  synchronized void revoke() {
    refreshTokens.clear();
    accessTokens.clear();
  }

  synchronized void reset() {
    codes.clear();
    refreshTokens.clear();
    appOnlyTokens.clear();
    clientSecret = "emu-secret";
    accessTokens.clear();
    expiresInSeconds = 3599;
    tokenCalls = 0;
  }
}
