package dev.dovetail.web;

import dev.dovetail.account.port.in.SignUpPolicy;
import dev.dovetail.web.http.SessionSeal;
import dev.dovetail.web.http.TrustedProxies;
import io.vertx.ext.web.sstore.SessionStore;
import java.util.Objects;

/**
 * Knobs of the HTTP adapter. {@code publicRequestsPerMinute} is each client address's budget on the public
 * (anonymous) operations; sign-up and log-in cost ten requests each. {@code maxBodyBytes} bounds every request body
 * (413 beyond). {@code secureCookies} marks the session cookie {@code Secure} and turns on HSTS: set it whenever the
 * hub is reached over HTTPS. {@code trustedProxies} are the proxies whose {@code X-Forwarded-For} is believed: the
 * client address is the right-most hop they did not add ({@link TrustedProxies}), so that rate limits and login
 * throttles count customers rather than the proxy, and a client cannot choose its own address. {@code signUp} says who
 * may sign up ({@code DOVETAIL_SIGNUP}) and issues invitations. {@code sessionSeal} signs dashboard sessions so that
 * the session store alone (a Hazelcast map when clustered) cannot mint one; every hub of a cluster needs the same key.
 * {@code publicUrl} ({@code DOVETAIL_PUBLIC_URL}, without trailing slash) is where customers reach the hub: the share
 * links, QR codes and embed snippets of the dashboard are written with it.
 */
public record WebOptions(SessionStore sessionStore, int publicRequestsPerMinute, long maxBodyBytes,
    boolean secureCookies, TrustedProxies trustedProxies, SignUpPolicy signUp, SessionSeal sessionSeal,
    String publicUrl) {

  public static final int DEFAULT_PUBLIC_REQUESTS_PER_MINUTE = 300;
  public static final long DEFAULT_MAX_BODY_BYTES = 64 * 1024;
  public static final String DEFAULT_PUBLIC_URL = "http://localhost:8080";

  public WebOptions {
    Objects.requireNonNull(sessionStore, "sessionStore");
    Objects.requireNonNull(publicUrl, "publicUrl");
    if (!publicUrl.matches("^https?://[^/?#\\s]+(/[^?#\\s]*)?$")) {
      throw new IllegalArgumentException("publicUrl must be an absolute http(s) URL: " + publicUrl);
    }
    publicUrl = publicUrl.replaceAll("/+$", "");
    Objects.requireNonNull(trustedProxies, "trustedProxies");
    Objects.requireNonNull(signUp, "signUp");
    Objects.requireNonNull(sessionSeal, "sessionSeal");
    if (publicRequestsPerMinute < 1) {
      throw new IllegalArgumentException("publicRequestsPerMinute must be at least 1: " + publicRequestsPerMinute);
    }
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException("maxBodyBytes must be at least 1024: " + maxBodyBytes);
    }
  }

  /** Reached at {@link #DEFAULT_PUBLIC_URL}. */
  public WebOptions(SessionStore sessionStore, int publicRequestsPerMinute, long maxBodyBytes,
      boolean secureCookies, TrustedProxies trustedProxies, SignUpPolicy signUp, SessionSeal sessionSeal) {
    this(sessionStore, publicRequestsPerMinute, maxBodyBytes, secureCookies, trustedProxies, signUp, sessionSeal,
        DEFAULT_PUBLIC_URL);
  }

  /** These options, with customers reaching the hub at {@code url}. */
  public WebOptions withPublicUrl(String url) {
    return new WebOptions(sessionStore, publicRequestsPerMinute, maxBodyBytes, secureCookies, trustedProxies, signUp,
        sessionSeal, url);
  }

  /** Sessions sealed with a key of this process only (one hub, not clustered). */
  public WebOptions(SessionStore sessionStore, int publicRequestsPerMinute, long maxBodyBytes, boolean secureCookies,
      TrustedProxies trustedProxies, SignUpPolicy signUp) {
    this(sessionStore, publicRequestsPerMinute, maxBodyBytes, secureCookies, trustedProxies, signUp,
        SessionSeal.random());
  }

  /** Behind {@code trustedProxies}; anyone may sign up. */
  public WebOptions(SessionStore sessionStore, int publicRequestsPerMinute, long maxBodyBytes, boolean secureCookies,
      TrustedProxies trustedProxies) {
    this(sessionStore, publicRequestsPerMinute, maxBodyBytes, secureCookies, trustedProxies, SignUpPolicy.open());
  }

  /** Clients reach the hub directly: their TCP address is their identity. */
  public WebOptions(SessionStore sessionStore, int publicRequestsPerMinute, long maxBodyBytes, boolean secureCookies) {
    this(sessionStore, publicRequestsPerMinute, maxBodyBytes, secureCookies, TrustedProxies.none());
  }

  /** 300 public requests per minute and client, 64 KiB bodies, cookies without {@code Secure} (plain HTTP). */
  public static WebOptions defaults(SessionStore sessionStore) {
    return new WebOptions(sessionStore, DEFAULT_PUBLIC_REQUESTS_PER_MINUTE, DEFAULT_MAX_BODY_BYTES, false);
  }
}
