package dev.dovetail.outlook;

import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;
import dev.dovetail.sync.domain.ConnectorException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Maps what the Graph SDK throws to {@link ConnectorException}s, in one place (the engine's reactions). */
final class GraphErrors {

  private static final Set<String> RESYNC_CODES = Set.of("syncStateNotFound", "resyncRequired", "syncStateInvalid");

  private GraphErrors() {}

  /** Graph errors → the engine's reactions. */
  static RuntimeException translate(RuntimeException e) {
    if (e instanceof ConnectorException) {
      return e;
    }
    Throwable cause = e;
    while (cause != null && !(cause instanceof ApiException) && !(cause instanceof ConnectorException)) {
      cause = cause.getCause();
    }
    if (cause instanceof ConnectorException ce) {
      return ce;
    }
    if (!(cause instanceof ApiException api)) {
      return new ConnectorException.Unavailable(String.valueOf(e.getMessage()), e);
    }
    int status = api.getResponseStatusCode();
    String code = api instanceof ODataError odata && odata.getError() != null ? odata.getError().getCode() : "";
    String message = "Graph " + status + " " + code;
    if (status == 410 || RESYNC_CODES.contains(code)) {
      return new ConnectorException.SyncTokenExpired(message, e);
    }
    if (status == 412) {
      return new ConnectorException.EtagMismatch(message, e);
    }
    if (status == 429 || status == 503 && retryAfter(api) > 0) {
      return new ConnectorException.RateLimited(message, retryAfter(api), e);
    }
    if (status == 401) {
      return new ConnectorException.AuthorizationRevoked(message, e);
    }
    String detail = api instanceof ODataError odata && odata.getError() != null
        ? String.valueOf(odata.getError().getMessage()) : "";
    if (status == 403 && code.equals("ErrorAccessDenied") && detail.contains("AccessPolicy")) {
      // An Exchange application access policy excludes the mailbox (app-only): nothing works until an admin
      // changes the policy, so the connection is broken with Graph's reason.
      return new ConnectorException.AuthorizationRevoked(message + ": " + detail, e);
    }
    if (status >= 500 || status == 408) {
      return new ConnectorException.Unavailable(message, e);
    }
    // Graph's own words say what was wrong (an http notification URL, a lifetime over the maximum): keep them for logs.
    return new ConnectorException.Rejected(detail.isEmpty() || detail.equals("null") ? message : message + ": " + detail,
        e);
  }

  /** {@link #translate} for any failure of a future: checked exceptions pass unchanged. */
  static Throwable translated(Throwable err) {
    return err instanceof RuntimeException e ? translate(e) : err;
  }

  /** The HTTP status of the Graph answer behind {@code e}, or 0 if there was none. */
  static int status(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApiException api) {
        return api.getResponseStatusCode();
      }
    }
    return 0;
  }

  /** Graph's 404 for an object we named by id: it is gone (its owner deleted it, or it expired). */
  static boolean gone(ApiException e) {
    return e.getResponseStatusCode() == 404;
  }

  /** {@code call}'s answer, or empty if Graph answers that the object is {@link #gone}; other failures pass. */
  static <T> Optional<T> unlessGone(Supplier<T> call) {
    try {
      return Optional.ofNullable(call.get());
    } catch (ApiException e) {
      if (gone(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Runs {@code call} (a delete); an object that is already {@link #gone} counts as deleted. */
  static void doneIfGone(Runnable call) {
    unlessGone(() -> {
      call.run();
      return null;
    });
  }

  private static long retryAfter(ApiException api) {
    var headers = api.getResponseHeaders();
    if (headers == null) {
      return 0;
    }
    for (var entry : headers.entrySet()) {
      if (entry.getKey().equalsIgnoreCase("Retry-After") && !entry.getValue().isEmpty()) {
        try {
          return Long.parseLong(entry.getValue().iterator().next().strip()) * 1000;
        } catch (NumberFormatException ignored) {
          return 0;
        }
      }
    }
    return 0;
  }
}
