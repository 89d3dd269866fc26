package dev.dovetail.infra.mongo;

import static dev.dovetail.booking.port.out.Outcomes.await;

import dev.dovetail.calendar.port.out.CalendarObjectRepository;
import dev.dovetail.calendar.port.out.CalendarObjectRepositoryContract;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("MongoCalendarObjectRepository on the embedded server with the real driver")
class MongoCalendarObjectRepositoryIT implements CalendarObjectRepositoryContract {

  private MongoStore store;

  @BeforeEach
  void connect(Vertx vertx) {
    store = await(MongoFixture.connect(vertx, MongoFixture.freshDatabase()));
  }

  @AfterEach
  void close() {
    await(store.close());
  }

  @Override
  public CalendarObjectRepository calendars() {
    return store.calendars();
  }
}
