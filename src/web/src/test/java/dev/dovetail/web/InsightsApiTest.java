package dev.dovetail.web;

import static dev.dovetail.web.ApiFixture.expect;
import static dev.dovetail.web.ApiFixture.expectProblem;
import static dev.dovetail.web.ApiFixture.mondayAt;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /api/v1/insights} and {@code GET /api/v1/bookings.csv}: the caller's own data, bounded ranges. */
@ExtendWith(VertxExtension.class)
class InsightsApiTest {

  private ApiFixture api;
  private ApiFixture.Tenant alice;
  private ApiFixture.Tenant bob;
  private String range;

  @BeforeEach
  void tenants(Vertx vertx) {
    api = ApiFixture.start(vertx);
    alice = api.tenant("alice");
    bob = api.tenant("bob");
    ZoneId zone = ZoneId.of(expect(200, api.get("/api/v1/me", alice.bearer())).getString("timeZone"));
    LocalDate monday = mondayAt(10, 0).atZone(zone).toLocalDate();
    range = "from=" + monday + "&to=" + monday.plusDays(1);
  }

  @Test
  @DisplayName("the figures of a day: the booking counted, an hour of the 7 open hours booked; bob sees none of it")
  void figuresOfTheCallerOnly() {
    JsonObject mine = expect(200, api.get("/api/v1/insights?" + range, alice.bearer()));
    assertThat(mine.getJsonArray("bookingsPerDay")).hasSize(1);
    assertThat(mine.getJsonArray("bookingsPerDay").getJsonObject(0).getInteger("confirmed")).isEqualTo(1);
    assertThat(mine.getJsonObject("outcomes").getInteger("total")).isEqualTo(1);
    JsonObject room = mine.getJsonArray("utilisation").getJsonObject(0);
    assertThat(room.getString("resourceId")).isEqualTo(alice.resourceId());
    assertThat(room.getLong("bookedMinutes")).isEqualTo(60);
    assertThat(room.getLong("openMinutes")).isEqualTo(7 * 60);

    JsonObject theirs = expect(200, api.get("/api/v1/insights?" + range, bob.session().auth()));
    assertThat(theirs.getJsonArray("utilisation").getJsonObject(0).getLong("bookedMinutes")).isEqualTo(60);
    assertThat(theirs.encode()).doesNotContain(alice.bookingId()).doesNotContain(alice.resourceId());
  }

  @Test
  @DisplayName("a range over 366 days, an inverted one or half a range answer 400 with the reason")
  void boundedRanges() {
    assertThat(expectProblem(400, api.get("/api/v1/insights?from=2027-01-01&to=2028-01-03", alice.bearer()))
        .getString("detail")).contains("366 days");
    assertThat(expectProblem(400, api.get("/api/v1/bookings.csv?from=2027-01-02&to=2027-01-01", alice.bearer()))
        .getString("detail")).contains("before");
    assertThat(expectProblem(400, api.get("/api/v1/insights?from=2027-01-01", alice.bearer()))
        .getString("detail")).contains("both");
    expectProblem(400, api.get("/api/v1/insights?from=yesterday&to=2027-01-01", alice.bearer()));
    expect(200, api.get("/api/v1/insights", alice.bearer()));
  }

  @Test
  @DisplayName("the CSV export is an attachment with a header line and the booking, formula cells defused")
  void csvExport() {
    HttpResponse<Buffer> csv = api.get("/api/v1/bookings.csv?" + range, alice.bearer());
    assertThat(csv.statusCode()).as(csv.bodyAsString()).isEqualTo(200);
    assertThat(csv.getHeader("Content-Type")).startsWith("text/csv");
    assertThat(csv.getHeader("Content-Disposition")).startsWith("attachment; filename=\"bookings-");
    String[] lines = csv.bodyAsString().split("\r\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).startsWith("id,start,end,resourceId,bookingTypeId,status,customerName,customerEmail");
    assertThat(lines[1]).startsWith(alice.bookingId() + ",").contains(",CONFIRMED,");

  }
}
