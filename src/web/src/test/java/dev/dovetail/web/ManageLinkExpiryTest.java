package dev.dovetail.web;

import static dev.dovetail.web.ApiFixture.expect;
import static dev.dovetail.web.ApiFixture.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.app.ManageBookingService;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Issue 15, item 8: a manage link stops working 30 days after its booking has ended. */
@ExtendWith(VertxExtension.class)
class ManageLinkExpiryTest {

  @Test
  @DisplayName("the manage link works until 30 days after the booking's end, then is 404 like an unknown one")
  void manageLinksExpireAfterTheBooking(Vertx vertx) {
    ApiFixture api = ApiFixture.start(vertx);
    ApiFixture.Tenant alice = api.tenant("alice");
    String path = "/api/v1/public/bookings/" + alice.manageToken();
    java.time.Instant end = api.bookings.findById(alice.bookingId()).await().orElseThrow().time().end();

    api.clock.set(end.plus(ManageBookingService.MANAGE_LINK_LIFETIME_AFTER_END).minusSeconds(1));
    expect(200, api.get(path));
    assertThat(api.get(path + "/ics").statusCode()).isEqualTo(200);
    api.clock.advance(Duration.ofSeconds(1));
    expectProblem(404, api.get(path));
    expectProblem(404, api.get(path + "/ics"));
  }
}
