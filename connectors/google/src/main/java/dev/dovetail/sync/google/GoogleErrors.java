package dev.dovetail.sync.google;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import dev.dovetail.sync.domain.ConnectorException;
import java.io.IOException;
import java.util.List;

/**
 * Maps what the Google client throws to {@link ConnectorException}s, in one place
 * (https://developers.google.com/workspace/calendar/api/guides/errors).
 */
final class GoogleErrors {

  private GoogleErrors() {}

  static RuntimeException map(Throwable err) {
    if (err instanceof ConnectorException known) {
      return known;
    }
    if (mentionsInvalidGrant(err)) {
      return new ConnectorException.AuthorizationRevoked("Google refused the refresh token (invalid_grant)", err);
    }
    if (err instanceof GoogleJsonResponseException json) {
      int status = json.getStatusCode();
      String reason = reason(json);
      String message = "Google answered " + status + (reason == null ? "" : " " + reason);
      if (status == 410 && ("fullSyncRequired".equals(reason) || "updatedMinTooLongAgo".equals(reason))) {
        return new ConnectorException.SyncTokenExpired(message, err);
      }
      if (status == 412) {
        return new ConnectorException.EtagMismatch(message, err);
      }
      if (status == 429 || (status == 403 && reason != null && (reason.equals("rateLimitExceeded")
          || reason.equals("userRateLimitExceeded") || reason.equals("quotaExceeded")))) {
        return new ConnectorException.RateLimited(message, retryAfter(json), err);
      }
      if (status >= 500 || status == 401 || status == 408) {
        return new ConnectorException.Unavailable(message, err);
      }
      return new ConnectorException.Rejected(message, err);
    }
    if (err instanceof HttpResponseException http) {
      int status = http.getStatusCode();
      if (status == 429) {
        return new ConnectorException.RateLimited("Google answered 429", 0, err);
      }
      return status >= 500 || status == 401
          ? new ConnectorException.Unavailable("Google answered " + status, err)
          : new ConnectorException.Rejected("Google answered " + status, err);
    }
    if (err instanceof IOException) {
      return new ConnectorException.Unavailable("Google cannot be reached: " + err.getMessage(), err);
    }
    return err instanceof RuntimeException runtime ? runtime : new IllegalStateException(err);
  }

  static boolean hasStatus(Throwable err, int status) {
    return err instanceof HttpResponseException http && http.getStatusCode() == status;
  }

  static String reason(GoogleJsonResponseException json) {
    GoogleJsonError details = json.getDetails();
    if (details == null) {
      return null;
    }
    List<GoogleJsonError.ErrorInfo> errors = details.getErrors();
    return errors == null || errors.isEmpty() ? null : errors.get(0).getReason();
  }

  private static long retryAfter(HttpResponseException http) {
    Object header = http.getHeaders() == null ? null : http.getHeaders().getRetryAfter();
    if (header == null) {
      return 0;
    }
    try {
      return Long.parseLong(header.toString().trim()) * 1000;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static boolean mentionsInvalidGrant(Throwable err) {
    for (Throwable t = err; t != null; t = t.getCause()) {
      if (t instanceof GoogleJsonResponseException) {
        return false; // an API error, not the token endpoint's
      }
      if (t.getMessage() != null && t.getMessage().contains("invalid_grant")) {
        return true;
      }
    }
    return false;
  }
}
