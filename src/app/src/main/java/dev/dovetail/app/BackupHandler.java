package dev.dovetail.app;

import dev.dovetail.infra.mongo.EmbeddedMongo;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /backup} on the operators' port: a consistent snapshot of the embedded store as a zip, taken while the
 * hub serves ({@link EmbeddedMongo#backup}); {@code ./dovetail backup FILE} calls it. A hub on a real MongoDB answers
 * 409: use {@code mongodump} there (docs/operations.md).
 */
final class BackupHandler {

  private static final Logger LOG = LoggerFactory.getLogger(BackupHandler.class);

  private final Vertx vertx;
  private final EmbeddedMongo embedded;

  BackupHandler(Vertx vertx, EmbeddedMongo embedded) {
    this.vertx = vertx;
    this.embedded = embedded;
  }

  void handle(RoutingContext ctx) {
    if (embedded == null || !embedded.isOnDisk()) {
      ctx.response().setStatusCode(409).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
          .end("this hub has no embedded on-disk store; back up MongoDB with mongodump\n");
      return;
    }
    vertx.executeBlocking(() -> {
      Path file = Files.createTempFile("dovetail-backup-", ".zip");
      try (OutputStream out = Files.newOutputStream(file)) {
        embedded.backup(out);
      }
      return file;
    }, false).onSuccess(file -> ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/zip")
        .putHeader("Content-Disposition", "attachment; filename=\"dovetail-backup.zip\"")
        .sendFile(file.toString())
        .onComplete(sent -> vertx.fileSystem().delete(file.toString())))
        .onFailure(err -> {
          LOG.error("backup failed: {}", err.getMessage(), err);
          ctx.response().setStatusCode(500).end("backup failed\n");
        });
  }
}
