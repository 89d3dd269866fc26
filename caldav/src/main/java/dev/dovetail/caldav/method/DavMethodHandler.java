package dev.dovetail.caldav.method;

import dev.dovetail.caldav.dav.DavRequest;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;

/** Handles one HTTP method on the DAV tree; fails with a {@code DavException} to refuse. */
public interface DavMethodHandler {

  HttpMethod method();

  /** Whether the method needs an authenticated principal (everything but OPTIONS). */
  default boolean authenticated() {
    return true;
  }

  Future<Void> handle(DavRequest request);
}
