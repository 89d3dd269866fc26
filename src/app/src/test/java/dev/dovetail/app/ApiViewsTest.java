package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Answer;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.kernel.TimeRange;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Webhook payloads are the API's own booking JSON, answers included (ADR 41, ADR 49). */
class ApiViewsTest {

  @Test
  @DisplayName("a booking event's data carries the customer's answers as the API shows them")
  void bookingPayloadCarriesAnswers() {
    Instant start = Instant.parse("2030-01-07T08:00:00Z");
    Booking booking = new Booking("b-1", "acme", "room", "consult", TimeRange.of(start, Duration.ofMinutes(30)),
        ZoneId.of("Europe/Berlin"), "Ada", "ada@example.com", BookingStatus.CONFIRMED, null, null, 0, start, start)
        .withAnswers(List.of(new Answer("topic", "Topic", "Rent"), new Answer("notes", "Notes", "Two\nlines")));

    JsonObject data = new ApiViews().booking(booking);

    assertThat(data.getString("id")).isEqualTo(booking.id());
    assertThat(data.getJsonArray("answers")).isEqualTo(new JsonArray()
        .add(new JsonObject().put("questionId", "topic").put("question", "Topic").put("answer", "Rent"))
        .add(new JsonObject().put("questionId", "notes").put("question", "Notes").put("answer", "Two\nlines")));
  }
}
