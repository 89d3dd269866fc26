package dev.dovetail.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.kernel.i18n.Language;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A customer's cancellation reason in the booking's document (ADR 68)")
class BookingReasonCodecTest {

  private static final Instant AT = Instant.parse("2027-03-01T09:00:00Z");

  @Test
  @DisplayName("a reason is stored and read back; none is not written, and an older document reads as none")
  void roundTrips() {
    Booking booking = new Booking("b-1", "acme", "room", "t30", TimeRange.of(AT, Duration.ofMinutes(30)),
        ZoneId.of("Europe/Berlin"), "Grete", "grete@example.com", BookingStatus.CONFIRMED, null, null, 0, AT, AT,
        List.of("room"), List.of(), Language.EN);
    Booking cancelled = booking.withCancellationReason("Ill <sorry>\nNext month?")
        .withStatus(BookingStatus.CANCELLED, AT);
    JsonObject doc = BookingCodec.encode(cancelled);
    assertThat(doc.getString("cancellationReason")).isEqualTo("Ill <sorry>\nNext month?");
    assertThat(BookingCodec.decode(doc).cancellationReason()).isEqualTo("Ill <sorry>\nNext month?");

    JsonObject none = BookingCodec.encode(booking);
    assertThat(none.containsKey("cancellationReason")).isFalse();
    assertThat(BookingCodec.decode(none).cancellationReason()).isNull();
    doc.remove("cancellationReason");
    assertThat(BookingCodec.decode(doc).cancellationReason()).as("a document from before ADR 68").isNull();
  }
}
