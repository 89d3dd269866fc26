package dev.dovetail.notification.port.out;

import dev.dovetail.testkit.InMemoryOutboxRepository;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("InMemoryOutboxRepository honours the OutboxRepository contract")
class InMemoryOutboxRepositoryTest implements OutboxRepositoryContract {

  private InMemoryOutboxRepository outbox;

  @BeforeEach
  void setUp() {
    outbox = new InMemoryOutboxRepository();
  }

  @Override
  public OutboxRepository outbox() {
    return outbox;
  }
}
