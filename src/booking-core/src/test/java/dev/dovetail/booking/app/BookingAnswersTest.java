package dev.dovetail.booking.app;

import static dev.dovetail.booking.app.BookingUseCaseFixture.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dovetail.booking.domain.Answer;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.BookingTypeDetails;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.booking.domain.Question;
import dev.dovetail.booking.port.in.BookSlotCommand;
import dev.dovetail.testkit.TestBookings;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The customer's answers to a type's questions are checked before anything is placed, and kept by every change. */
class BookingAnswersTest {

  private static final BookingTypeDetails ASKS = new BookingTypeDetails("Bring your papers.", null, List.of(
      new Question("topic", Question.Kind.CHOICE, "Topic", true, List.of("Tax", "Rent")),
      new Question("phone", Question.Kind.PHONE, "Phone", false, List.of())));

  private final BookingUseCaseFixture f = new BookingUseCaseFixture(
      TestBookings.simpleType("t60", "acme", "room", 60).withDetails(ASKS));

  private static BookSlotCommand asking(Instant start, Map<String, String> answers) {
    return new BookSlotCommand("t60", start, null, ZoneId.of("Europe/Berlin"), "Ada", "ada@example.com", false, 1,
        null, "203.0.113.9", null, answers);
  }

  @Test
  @DisplayName("answers are stored with the booking and kept when it is cancelled")
  void answersAreStoredAndKept() {
    Booking booking = f.bookSlot.book(asking(berlin(0, 10, 0), Map.of("topic", "Rent"))).await()
        .bookings().get(0).booking();

    Booking stored = f.bookings.findById(booking.id()).await().orElseThrow();
    assertThat(stored.answers()).containsExactly(new Answer("topic", "Topic", "Rent"));
    assertThat(stored.withStatus(BookingStatus.CANCELLED, f.clock.instant()).answers()).isEqualTo(stored.answers());
    assertThat(stored.movedTo(stored.time(), f.clock.instant()).answers()).isEqualTo(stored.answers());
  }

  @Test
  @DisplayName("bad answers are refused with a reason and nothing is placed or stored")
  void badAnswersStoreNothing() {
    for (Map<String, String> bad : List.of(Map.<String, String>of(), Map.of("topic", "Other"),
        Map.of("topic", "Tax", "phone", "no"), Map.of("topic", "Tax", "shoe", "42"))) {
      assertThatThrownBy(() -> f.bookSlot.book(asking(berlin(0, 10, 0), bad)).await())
          .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("answers");
    }
    assertThat(f.bookings.listByProvider("acme", null, null, PageRequest.first(10)).await().items()).isEmpty();
    assertThat(f.schedules.load("room").await().blocks()).isEmpty();
  }

  @Test
  @DisplayName("a booking nobody was asked for (the waitlist's, the provider's) stores no answers and needs none")
  void unaskedBookingsNeedNoAnswers() {
    Booking booking = f.bookSlot.book(asking(berlin(0, 11, 0), null)).await().bookings().get(0).booking();

    assertThat(booking.answers()).isEmpty();
  }
}
