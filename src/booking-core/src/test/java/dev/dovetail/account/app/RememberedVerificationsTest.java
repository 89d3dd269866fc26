package dev.dovetail.account.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.account.port.out.PasswordHasher;
import dev.dovetail.testkit.MutableClock;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RememberedVerificationsTest {

  private final AtomicInteger full = new AtomicInteger();
  /** A stand-in for bcrypt: the hash is "h:" + password; counts the verifications it makes. */
  private final PasswordHasher plain = new PasswordHasher() {
    @Override
    public Future<String> hash(String password) {
      return Future.succeededFuture("h:" + password);
    }

    @Override
    public Future<Boolean> verify(String password, String hash) {
      full.incrementAndGet();
      return Future.succeededFuture(hash.equals("h:" + password));
    }
  };
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
  private final RememberedVerifications remembered = new RememberedVerifications(plain, clock);

  @Test
  @DisplayName("a success is remembered for its pair only: another hash or another password is verified in full")
  void rememberedPerPair() {
    assertThat(remembered.verify("secret", "h:secret").await()).isTrue();
    assertThat(remembered.verify("secret", "h:secret").await()).isTrue();
    assertThat(full.get()).isEqualTo(1);
    assertThat(remembered.verify("secret", "h:changed").await()).isFalse();
    assertThat(remembered.verify("other", "h:secret").await()).isFalse();
    assertThat(remembered.verify("other", "h:secret").await()).isFalse();
    assertThat(full.get()).isEqualTo(4);
  }

  @Test
  @DisplayName("pairs that concatenate alike are not confused")
  void noConcatenationClash() {
    assertThat(remembered.verify("b", "h:a").await()).isFalse();
    assertThat(remembered.verify("ab", "h:ab").await()).isTrue();
    // same characters in sequence as ("h:ab", "ab") with the split moved
    assertThat(remembered.verify("b", "h:aba").await()).isFalse();
  }

  @Test
  @DisplayName("at most CAPACITY successes are remembered, the least recently used forgotten first")
  void bounded() {
    for (int i = 0; i <= RememberedVerifications.CAPACITY; i++) {
      assertThat(remembered.verify("p" + i, "h:p" + i).await()).isTrue();
    }
    assertThat(remembered.remembered()).isEqualTo(RememberedVerifications.CAPACITY);
    int before = full.get();
    assertThat(remembered.verify("p0", "h:p0").await()).isTrue();
    assertThat(full.get()).as("the eldest was forgotten").isEqualTo(before + 1);
    assertThat(remembered.verify("p" + RememberedVerifications.CAPACITY, "h:p" + RememberedVerifications.CAPACITY)
        .await()).isTrue();
    assertThat(full.get()).as("the newest is remembered").isEqualTo(before + 1);
  }

  @Test
  @DisplayName("hashing is passed through")
  void hashPassesThrough() {
    assertThat(remembered.hash("x").await()).isEqualTo("h:x");
  }
}
