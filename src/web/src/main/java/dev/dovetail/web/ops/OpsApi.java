package dev.dovetail.web.ops;

import dev.dovetail.web.http.OperationHandlers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.function.Supplier;

/** The operations for running the hub: liveness, readiness and the contract itself. */
public final class OpsApi {

  private OpsApi() {}

  public static void register(OperationHandlers operations, Vertx vertx, Supplier<Future<Void>> storeHealth,
      Buffer contract) {
    HealthHandler health = new HealthHandler(vertx, storeHealth);
    OpenApiDocumentHandler document = new OpenApiDocumentHandler(contract);
    operations
        .on("getHealth", health::alive)
        .on("getReadiness", health::ready)
        .on("getOpenApiDocument", document::get);
  }
}
