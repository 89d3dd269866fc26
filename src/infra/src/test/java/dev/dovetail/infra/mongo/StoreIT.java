package dev.dovetail.infra.mongo;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** A fresh database on the embedded server for every test, reached through a real {@link MongoStore}. */
@ExtendWith(VertxExtension.class)
abstract class StoreIT {

  protected MongoStore store;

  @BeforeEach
  void connect(Vertx vertx, VertxTestContext ctx) {
    MongoFixture.connect(vertx, MongoFixture.freshDatabase()).onComplete(ctx.succeeding(s -> {
      store = s;
      ctx.completeNow();
    }));
  }

  @AfterEach
  void close(VertxTestContext ctx) {
    store.close().onComplete(ctx.succeedingThenComplete());
  }
}
