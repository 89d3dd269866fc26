package dev.dovetail.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.account.port.in.AuthenticationException;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.Slot;
import dev.dovetail.booking.domain.SlotUnavailableException;
import dev.dovetail.booking.port.in.SlotTakenException;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.NotFoundException;
import dev.dovetail.kernel.TimeRange;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.handler.HttpException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The one failure handler's table: which failure becomes which problem. */
class ErrorMapperTest {

  private static final Instant T = Instant.parse("2026-05-04T07:00:00Z");

  @Test
  @DisplayName("domain failures map to 400, 401, 404 and 409 with their reason")
  void domainFailuresMapToClientErrors() {
    assertThat(ErrorMapper.toProblem(new InvalidRequestException("duration not offered"), -1).status()).isEqualTo(400);
    assertThat(ErrorMapper.toProblem(new IllegalArgumentException("id must be a slug"), -1).detail())
        .isEqualTo("id must be a slug");
    assertThat(ErrorMapper.toProblem(new NotFoundException("booking", "x"), -1).status()).isEqualTo(404);
    assertThat(ErrorMapper.toProblem(new ConflictException("already cancelled"), -1).status()).isEqualTo(409);
    ErrorMapper.Problem unauthenticated = ErrorMapper.toProblem(new AuthenticationException(), -1);
    assertThat(unauthenticated.status()).isEqualTo(401);
    assertThat(unauthenticated.headers()).containsKey("WWW-Authenticate");
    assertThat(ErrorMapper.toProblem(new DecodeException("bad"), -1).type()).isEqualTo("malformed-json");
    assertThat(ErrorMapper.toProblem(
        new java.time.zone.ZoneRulesException("Unknown time-zone ID: X/Y"), -1).status()).isEqualTo(400);
    try {
      ZoneId.of("Nowhere/Land");
    } catch (java.time.DateTimeException e) {
      assertThat(ErrorMapper.toProblem(e, -1).status()).isEqualTo(400);
    }
  }

  @Test
  @DisplayName("a taken slot is a 409 listing the alternatives; a refusal without them lists none")
  void slotFailuresCarryAlternatives() {
    SlotUnavailableException refused = new SlotUnavailableException("taken", List.of(new TimeRange(T, T.plusSeconds(1800))));
    ErrorMapper.Problem withAlternatives = ErrorMapper.toProblem(
        new SlotTakenException(refused, List.of(new Slot(T.plusSeconds(3600), T.plusSeconds(5400)))), -1);
    assertThat(withAlternatives.status()).isEqualTo(409);
    assertThat(withAlternatives.extra().getJsonArray("alternatives").getJsonObject(0).getString("start"))
        .isEqualTo("2026-05-04T08:00:00Z");
    assertThat(ErrorMapper.toProblem(refused, -1).extra().getJsonArray("alternatives")).isEmpty();
  }

  @Test
  @DisplayName("router statuses and web problems keep their status; anything else is a 500 that says nothing inside")
  void everythingElseIsAnOpaque500() {
    assertThat(ErrorMapper.toProblem(null, 413).status()).isEqualTo(413);
    assertThat(ErrorMapper.toProblem(null, 404).status()).isEqualTo(404);
    assertThat(ErrorMapper.toProblem(new HttpException(413), -1).status()).isEqualTo(413);
    assertThat(ErrorMapper.toProblem(ApiProblem.tooManyRequests(7), -1).headers()).containsEntry("Retry-After", "7");
    ErrorMapper.Problem internal = ErrorMapper.toProblem(new NullPointerException("secret.field was null"), -1);
    assertThat(internal.status()).isEqualTo(500);
    assertThat(internal.detail()).doesNotContain("secret");
    assertThat(ErrorMapper.toProblem(new HttpException(500, new IllegalStateException("db password")), -1).detail())
        .doesNotContain("password");
  }
}
