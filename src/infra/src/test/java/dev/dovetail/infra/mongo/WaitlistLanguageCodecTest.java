package dev.dovetail.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.kernel.TimeRange;
import dev.dovetail.kernel.i18n.Language;
import dev.dovetail.waitlist.domain.SlotOffer;
import dev.dovetail.waitlist.domain.WaitlistEntry;
import dev.dovetail.waitlist.domain.Wish;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A waitlist entry's language in its document (ADR 65)")
class WaitlistLanguageCodecTest {

  private static final Instant AT = Instant.parse("2027-03-01T09:00:00Z");

  private static WaitlistEntry entry(Language language) {
    return WaitlistEntry.join("e-1", "acme", "room", "t30", "Grete", "grete@example.com",
        ZoneId.of("Europe/Berlin"), Wish.day(LocalDate.of(2027, 3, 2)), AT).in(language);
  }

  @Test
  @DisplayName("German is stored and read back; English is not written, and a document without it reads as English")
  void roundTrips() {
    JsonObject german = WaitlistCodec.encode(entry(Language.DE));
    assertThat(german.getString("language")).isEqualTo("de");
    assertThat(WaitlistCodec.decode(german).language()).isEqualTo(Language.DE);

    JsonObject english = WaitlistCodec.encode(entry(Language.EN));
    assertThat(english.containsKey("language")).isFalse();
    assertThat(WaitlistCodec.decode(english).language()).isEqualTo(Language.EN);

    german.remove("language");
    assertThat(WaitlistCodec.decode(german).language()).as("a document from before ADR 65").isEqualTo(Language.EN);
  }

  @Test
  @DisplayName("every change of the entry keeps its language; in() keeps the revision")
  void changesKeepTheLanguage() {
    WaitlistEntry german = entry(Language.DE);
    assertThat(german.revision()).isZero();
    WaitlistEntry offered = german.offered(new SlotOffer("held", TimeRange.of(AT.plusSeconds(86_400),
        Duration.ofMinutes(30)), AT.plusSeconds(900), false), AT);
    assertThat(offered.language()).isEqualTo(Language.DE);
    assertThat(offered.lapsed(AT).language()).isEqualTo(Language.DE);
    assertThat(offered.booked("held", null, AT).language()).isEqualTo(Language.DE);
    assertThat(german.left(AT).language()).isEqualTo(Language.DE);
  }
}
