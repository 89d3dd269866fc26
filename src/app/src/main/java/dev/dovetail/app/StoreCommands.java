package dev.dovetail.app;

import dev.dovetail.infra.mongo.EmbeddedMongo;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * {@code ./dovetail backup FILE}: asks the running hub for a snapshot of its embedded store ({@code POST /backup} on
 * {@code DOVETAIL_METRICS_PORT}, with {@code DOVETAIL_METRICS_TOKEN}) and writes it to FILE. {@code ./dovetail restore
 * FILE}: puts a snapshot into {@code DOVETAIL_DATA_DIR}, which must hold no store (the hub stopped). Exit codes: 0
 * done, 1 failed, 2 wrong use.
 */
final class StoreCommands {

  private StoreCommands() {}

  static int run(String[] args) {
    if (args.length != 2 || !(args[0].equals("backup") || args[0].equals("restore"))) {
      System.err.println("usage: dovetail [backup FILE | restore FILE]");
      return 2;
    }
    Path file = Path.of(args[1]);
    try {
      JsonObject env = Main.readEnv();
      return args[0].equals("backup") ? backup(env, file) : restore(env, file);
    } catch (IOException | RuntimeException e) {
      System.err.println(args[0] + " failed: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  private static int backup(JsonObject env, Path file) throws IOException, InterruptedException {
    AppConfig config = AppConfig.from(env);
    OpsConfig ops = OpsConfig.from(env, config.http().port());
    if (ops.metricsPort() == null) {
      System.err.println("backup needs DOVETAIL_METRICS_PORT: the running hub serves POST /backup there");
      return 2;
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + ops.metricsPort() + "/backup"))
        .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.noBody());
    if (ops.metricsToken() != null) {
      request.header("Authorization", "Bearer " + ops.metricsToken());
    }
    HttpResponse<InputStream> response = HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        System.err.println("the hub answered " + response.statusCode() + ": " + new String(body.readAllBytes()));
        return 1;
      }
      Path partial = file.resolveSibling(file.getFileName() + ".partial");
      Files.copy(body, partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    System.out.println("backup written to " + file + " (" + Files.size(file) + " bytes)");
    return 0;
  }

  private static int restore(JsonObject env, Path file) throws IOException {
    AppConfig config = AppConfig.from(env);
    if (!config.store().embedded()) {
      System.err.println("restore is for the embedded store; for MongoDB use mongorestore");
      return 2;
    }
    try (InputStream in = Files.newInputStream(file)) {
      EmbeddedMongo.restore(in, config.store().dataDir());
    }
    System.out.println("restored " + file + " into " + config.store().dataDir() + "; start the hub now");
    return 0;
  }
}
