package dev.dovetail.infra.mongo;

import static dev.dovetail.booking.port.out.Outcomes.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.notification.port.out.OutboxRepository;
import dev.dovetail.notification.port.out.OutboxRepositoryContract;
import io.vertx.core.Future;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("MongoOutboxRepository on the embedded server with the real driver")
class MongoOutboxRepositoryIT extends StoreIT implements OutboxRepositoryContract {

  @Override
  public OutboxRepository outbox() {
    return store.outbox();
  }

  @Test
  @DisplayName("listByProvider: a cursor this list did not issue is refused as an invalid request")
  void listByProviderRefusesForeignCursor(VertxTestContext ctx) {
    List<Future<Throwable>> failures = new ArrayList<>();
    for (String cursor : List.of("x", "_ab", "00000000000000000001_", "0000000000000000000x_ab", "-0000000000000000001_ab",
        "{\"$gt\":1}_ab", "00000000000000000001_AB")) {
      failures.add(failureOf(store.outbox().listByProvider("prov-a", new PageRequest(cursor, 10))));
    }
    Future.all(failures).onComplete(ctx.succeeding(all -> ctx.verify(() -> {
      failures.forEach(f -> assertThat(f.result()).isInstanceOf(InvalidRequestException.class));
      ctx.completeNow();
    })));
  }
}
