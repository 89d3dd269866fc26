package dev.dovetail.webhook.domain;

import java.time.Instant;

/**
 * One try of a delivery, as the delivery log shows it: when, the HTTP status (0 when there was no response), how long
 * it took, the first bytes of the response body, or the error (refused address, timeout, connection failure).
 */
public record Attempt(Instant at, int status, long latencyMillis, String responseStart, String error) {

  public static final int MAX_RESPONSE_START = 256;

  public Attempt {
    if (responseStart != null && responseStart.length() > MAX_RESPONSE_START) {
      responseStart = responseStart.substring(0, MAX_RESPONSE_START);
    }
    if (error != null && error.length() > MAX_RESPONSE_START) {
      error = error.substring(0, MAX_RESPONSE_START);
    }
  }

  public boolean succeeded() {
    return error == null && status >= 200 && status < 300;
  }
}
