package dev.dovetail.web.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The request body handler of the root chain: every body at most the hub's {@code maxBodyBytes}, except a logo upload
 * ({@code PUT /api/v1/me/logo}, ADR 57), which may carry a 200 kB image in base64. A {@link BodyHandler} itself, so
 * that Vert.x keeps it in the body handlers' place of the chain (before authentication).
 */
public final class BodyLimits implements BodyHandler {

  /** A 200 kB logo in base64, with room for its JSON. */
  static final long LOGO_BODY_BYTES = 280 * 1024;
  private static final String LOGO_PATH = "/api/v1/me/logo";

  private final BodyHandler usual;
  private final BodyHandler logo;

  public BodyLimits(long maxBodyBytes) {
    this.usual = BodyHandler.create(false).setBodyLimit(maxBodyBytes);
    this.logo = BodyHandler.create(false).setBodyLimit(Math.max(LOGO_BODY_BYTES, maxBodyBytes));
  }

  @Override
  public void handle(RoutingContext ctx) {
    boolean logoUpload = ctx.request().method() == HttpMethod.PUT && LOGO_PATH.equals(ctx.normalizedPath());
    (logoUpload ? logo : usual).handle(ctx);
  }

  @Override
  public BodyHandler setHandleFileUploads(boolean handleFileUploads) {
    throw fixed();
  }

  @Override
  public BodyHandler setBodyLimit(long bodyLimit) {
    throw fixed();
  }

  @Override
  public BodyHandler setUploadsDirectory(String uploadsDirectory) {
    throw fixed();
  }

  @Override
  public BodyHandler setMergeFormAttributes(boolean mergeFormAttributes) {
    throw fixed();
  }

  @Override
  public BodyHandler setDeleteUploadedFilesOnEnd(boolean deleteUploadedFilesOnEnd) {
    throw fixed();
  }

  @Override
  public BodyHandler setPreallocateBodyBuffer(boolean preallocateBodyBuffer) {
    throw fixed();
  }

  private static UnsupportedOperationException fixed() {
    return new UnsupportedOperationException("the hub's body limits are set when it is built");
  }
}
