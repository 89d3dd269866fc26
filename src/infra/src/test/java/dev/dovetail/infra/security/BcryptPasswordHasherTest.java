package dev.dovetail.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("BcryptPasswordHasher")
class BcryptPasswordHasherTest {

  @Test
  @DisplayName("hashes are salted bcrypt strings that verify the right password only")
  void hashVerifiesOnlyTheRightPassword(Vertx vertx, VertxTestContext ctx) {
    BcryptPasswordHasher hasher = new BcryptPasswordHasher(vertx, 4);
    Future.all(hasher.hash("correct horse battery"), hasher.hash("correct horse battery"))
        .compose(hashes -> {
          String first = hashes.resultAt(0);
          String second = hashes.resultAt(1);
          ctx.verify(() -> {
            assertThat(first).startsWith("$2a$04$").isNotEqualTo(second);
            assertThat(first).doesNotContain("correct horse");
          });
          return Future.all(hasher.verify("correct horse battery", first),
              hasher.verify("correct horse batterY", first), hasher.verify("correct horse battery", second));
        })
        .onComplete(ctx.succeeding(checks -> ctx.verify(() -> {
          assertThat(checks.<Boolean>resultAt(0)).isTrue();
          assertThat(checks.<Boolean>resultAt(1)).isFalse();
          assertThat(checks.<Boolean>resultAt(2)).isTrue();
          ctx.completeNow();
        })));
  }
}
