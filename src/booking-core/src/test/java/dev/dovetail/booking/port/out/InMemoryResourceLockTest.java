package dev.dovetail.booking.port.out;

import dev.dovetail.testkit.InMemoryResourceLock;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("InMemoryResourceLock honours the ResourceLock contract")
class InMemoryResourceLockTest implements ResourceLockContract {

  private InMemoryResourceLock lock;

  @BeforeEach
  void setUp() {
    lock = new InMemoryResourceLock();
  }

  @Override
  public ResourceLock lock() {
    return lock;
  }
}
