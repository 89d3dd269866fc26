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

@DisplayName("A booking's language in its document (ADR 62)")
class BookingLanguageCodecTest {

  private static final Instant AT = Instant.parse("2027-03-01T09:00:00Z");

  private static Booking booking(Language language) {
    return new Booking("b-1", "acme", "room", "t30", TimeRange.of(AT, Duration.ofMinutes(30)),
        ZoneId.of("Europe/Berlin"), "Grete", "grete@example.com", BookingStatus.CONFIRMED, null, null, 0, AT, AT,
        List.of("room"), List.of(), language);
  }

  @Test
  @DisplayName("German is stored and read back; English is not written, and a document without it reads as English")
  void roundTrips() {
    JsonObject german = BookingCodec.encode(booking(Language.DE));
    assertThat(german.getString("language")).isEqualTo("de");
    assertThat(BookingCodec.decode(german).language()).isEqualTo(Language.DE);

    JsonObject english = BookingCodec.encode(booking(Language.EN));
    assertThat(english.containsKey("language")).isFalse();
    assertThat(BookingCodec.decode(english).language()).isEqualTo(Language.EN);

    german.remove("language");
    assertThat(BookingCodec.decode(german).language()).as("a document from before ADR 62").isEqualTo(Language.EN);
  }

  @Test
  @DisplayName("every change of the booking keeps its language")
  void changesKeepTheLanguage() {
    Booking german = booking(Language.DE);
    assertThat(german.movedTo(TimeRange.of(AT.plusSeconds(3600), Duration.ofMinutes(30)), AT).language())
        .isEqualTo(Language.DE);
    assertThat(german.withStatus(BookingStatus.CANCELLED, AT).language()).isEqualTo(Language.DE);
    assertThat(german.withAnswers(List.of()).language()).isEqualTo(Language.DE);
  }
}
