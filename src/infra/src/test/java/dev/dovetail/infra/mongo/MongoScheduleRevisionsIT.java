package dev.dovetail.infra.mongo;

import static dev.dovetail.booking.port.out.Outcomes.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.BusyInterval;
import dev.dovetail.kernel.TimeRange;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("MongoScheduleRevisions reads the schedule's revision alone, on the embedded server")
class MongoScheduleRevisionsIT {

  private static final Instant NOW = Instant.parse("2026-11-23T07:00:00Z");
  private MongoStore store;

  @BeforeEach
  void connect(Vertx vertx) {
    store = await(MongoFixture.connect(vertx, MongoFixture.freshDatabase()));
  }

  @AfterEach
  void close() {
    await(store.close());
  }

  @Test
  @DisplayName("0 for a resource without a schedule, then exactly the revision the last write stored")
  void followsScheduleWrites() {
    assertThat(await(store.scheduleRevisions().revision("room"))).isZero();
    Block busy = Block.forBusy(new BusyInterval("x", "room", TimeRange.of(NOW, Duration.ofHours(1)), "test"), NOW);
    await(store.schedules().update("room", s -> s.place(List.of(busy), NOW)));
    var second = await(store.schedules().update("room", s -> s.release("x", NOW)));
    assertThat(await(store.scheduleRevisions().revision("room"))).isEqualTo(second.revision()).isPositive();
  }
}
