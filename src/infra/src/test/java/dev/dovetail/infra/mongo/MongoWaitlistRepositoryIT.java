package dev.dovetail.infra.mongo;

import static dev.dovetail.booking.port.out.Outcomes.await;
import static dev.dovetail.booking.port.out.Outcomes.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.waitlist.port.out.WaitlistRepository;
import dev.dovetail.waitlist.port.out.WaitlistRepositoryContract;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("MongoWaitlistRepository on the embedded server with the real driver")
class MongoWaitlistRepositoryIT extends StoreIT implements WaitlistRepositoryContract {

  @Override
  public WaitlistRepository waitlist() {
    return store.waitlist();
  }

  @Test
  @DisplayName("listByProvider: a cursor this list did not issue is refused as an invalid request")
  void refusesForeignCursor() {
    for (String cursor : new String[] {"x", "_ab", "{\"$gt\":1}_ab", "00000000000000000001_AB"}) {
      assertThat(await(failureOf(store.waitlist().listByProvider("prov-a", null, new PageRequest(cursor, 10)))))
          .isInstanceOf(InvalidRequestException.class);
    }
  }
}
