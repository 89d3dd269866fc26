package dev.dovetail.web.http;

import java.util.Map;

/**
 * A failure decided by the HTTP adapter itself (bad input it caught while decoding, a missing CSRF token, a spent
 * rate limit), carrying everything {@link ErrorMapper} needs to render it as a problem detail. No stack trace: it is
 * an answer to the client, not a bug.
 */
public final class ApiProblem extends RuntimeException {

  private final int status;
  private final String type;
  private final String title;
  private final Map<String, String> headers;

  public ApiProblem(int status, String type, String title, String detail, Map<String, String> headers) {
    super(detail, null, false, false);
    this.status = status;
    this.type = type;
    this.title = title;
    this.headers = Map.copyOf(headers);
  }

  public static ApiProblem badRequest(String detail) {
    return new ApiProblem(400, "invalid-request", "The request is invalid", detail, Map.of());
  }

  public static ApiProblem unknownTimeZone(String field, String zone) {
    return new ApiProblem(400, "unknown-time-zone", "Unknown time zone",
        "'" + field + "' is not a known IANA time zone: " + zone, Map.of());
  }

  public static ApiProblem forbidden(String type, String detail) {
    return new ApiProblem(403, type, "Forbidden", detail, Map.of());
  }

  public static ApiProblem tooManyRequests(long retryAfterSeconds) {
    return new ApiProblem(429, "rate-limited", "Too many requests",
        "this client sent too many requests; retry after " + retryAfterSeconds + " s",
        Map.of("Retry-After", Long.toString(retryAfterSeconds)));
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
