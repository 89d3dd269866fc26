package dev.dovetail.web;

import io.vertx.ext.web.sstore.SessionStore;
import java.util.Objects;

/**
 * Knobs of the HTTP adapter. {@code publicRequestsPerMinute} is each client address's budget on the public
 * (anonymous) operations; sign-up and log-in cost ten requests each. {@code maxBodyBytes} bounds every request body
 * (413 beyond). {@code secureCookies} marks the session cookie {@code Secure} and turns on HSTS: set it whenever the
 * hub is reached over HTTPS.
 */
public record WebOptions(SessionStore sessionStore, int publicRequestsPerMinute, long maxBodyBytes, boolean secureCookies) {

  public static final int DEFAULT_PUBLIC_REQUESTS_PER_MINUTE = 300;
  public static final long DEFAULT_MAX_BODY_BYTES = 64 * 1024;

  public WebOptions {
    Objects.requireNonNull(sessionStore, "sessionStore");
    if (publicRequestsPerMinute < 1) {
      throw new IllegalArgumentException("publicRequestsPerMinute must be at least 1: " + publicRequestsPerMinute);
    }
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException("maxBodyBytes must be at least 1024: " + maxBodyBytes);
    }
  }

  /** 300 public requests per minute and client, 64 KiB bodies, cookies without {@code Secure} (plain HTTP). */
  public static WebOptions defaults(SessionStore sessionStore) {
    return new WebOptions(sessionStore, DEFAULT_PUBLIC_REQUESTS_PER_MINUTE, DEFAULT_MAX_BODY_BYTES, false);
  }
}
