package dev.dovetail.waitlist.port.out;

import dev.dovetail.testkit.InMemoryWaitlistRepository;
import org.junit.jupiter.api.DisplayName;

@DisplayName("InMemoryWaitlistRepository honours the WaitlistRepository contract")
class InMemoryWaitlistRepositoryTest implements WaitlistRepositoryContract {

  private final InMemoryWaitlistRepository waitlist = new InMemoryWaitlistRepository();

  @Override
  public WaitlistRepository waitlist() {
    return waitlist;
  }
}
