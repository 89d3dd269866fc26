package dev.dovetail.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Answer;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.BookingTypeDetails;
import dev.dovetail.booking.port.out.ContractFixtures;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Documents written before booking types had details and bookings had answers still load (ADR 49). */
class DetailsCodecTest {

  @Test
  @DisplayName("a booking type document without details reads with none, and none are written for a type without")
  void typeWithoutDetails() {
    BookingType rich = ContractFixtures.richType("consult", "acme", "room").withDetails(ContractFixtures.richDetails());
    JsonObject doc = BookingTypeCodec.encode(rich);
    assertThat(BookingTypeCodec.decode(doc)).isEqualTo(rich);

    JsonObject old = doc.copy();
    old.remove("details");
    assertThat(BookingTypeCodec.decode(old).details()).isEqualTo(BookingTypeDetails.NONE);
    assertThat(BookingTypeCodec.decode(old)).isEqualTo(rich.withDetails(BookingTypeDetails.NONE));
    assertThat(BookingTypeCodec.encode(rich.withDetails(BookingTypeDetails.NONE)).containsKey("details")).isFalse();
  }

  @Test
  @DisplayName("a booking document without answers reads with none, and none are written for a booking without")
  void bookingWithoutAnswers() {
    Booking plain = ContractFixtures.confirmed("acme", "room", Instant.parse("2030-01-07T08:00:00Z"), 30);
    Booking answered = plain.withAnswers(List.of(new Answer("topic", "Topic", "Rent")));
    JsonObject doc = BookingCodec.encode(answered);
    assertThat(BookingCodec.decode(doc)).isEqualTo(answered);

    JsonObject old = doc.copy();
    old.remove("answers");
    assertThat(BookingCodec.decode(old)).isEqualTo(plain);
    assertThat(BookingCodec.encode(plain).containsKey("answers")).isFalse();
  }
}
