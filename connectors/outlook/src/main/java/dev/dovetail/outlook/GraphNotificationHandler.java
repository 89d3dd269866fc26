package dev.dovetail.outlook;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The receiver of Graph change and lifecycle notifications (POST, needs a BodyHandler before it). A validation
 * request ({@code ?validationToken=}) is answered at once with the decoded token as text/plain. A notification
 * batch is handed to the {@link Sink}, which persists it; the answer is 202 once that is done, 503 (Graph retries) if
 * it failed or took longer than {@link #PERSIST_TIMEOUT_MS}, so Graph always has an answer within 3 s. A body that is
 * not a notification batch is 400.
 */
public final class GraphNotificationHandler implements Handler<RoutingContext> {

  /** Persisting must finish well within Graph's 3 s answer deadline. */
  public static final long PERSIST_TIMEOUT_MS = 2_500;

  /** Where received notifications go: persist them (then process them later) and complete. */
  public interface Sink {
    Future<Void> received(List<GraphNotification> notifications);
  }

  private final Sink sink;

  public GraphNotificationHandler(Sink sink) {
    this.sink = sink;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String token = ctx.request().getParam("validationToken");
    if (token != null) {
      ctx.response().setStatusCode(200)
          .putHeader("Content-Type", "text/plain; charset=utf-8")
          .putHeader("X-Content-Type-Options", "nosniff")
          .end(token);
      return;
    }
    List<GraphNotification> batch;
    try {
      batch = parse(ctx.body().asString());
    } catch (IllegalArgumentException | DecodeException | ClassCastException e) {
      ctx.response().setStatusCode(400).putHeader("Content-Type", "text/plain; charset=utf-8")
          .end("not a Graph notification batch: " + e.getMessage());
      return;
    }
    sink.received(batch)
        .timeout(PERSIST_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .onComplete(ar -> {
          if (!ctx.response().ended()) {
            ctx.response().setStatusCode(ar.succeeded() ? 202 : 503).end();
          }
        });
  }

  static List<GraphNotification> parse(String body) {
    if (body == null || body.isBlank()) {
      throw new IllegalArgumentException("empty body");
    }
    JsonArray value = new JsonObject(body).getJsonArray("value");
    if (value == null) {
      throw new IllegalArgumentException("no value array");
    }
    List<GraphNotification> out = new ArrayList<>();
    for (Object item : value) {
      out.add(GraphNotification.from((JsonObject) item));
    }
    return out;
  }
}
