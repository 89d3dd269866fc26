package dev.dovetail.web.ops;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /openapi.yaml}: the contract this router is built from, byte for byte. */
public final class OpenApiDocumentHandler {

  private final Buffer document;

  public OpenApiDocumentHandler(Buffer document) {
    this.document = document;
  }

  public void get(RoutingContext ctx) {
    ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
        .end(document);
  }
}
