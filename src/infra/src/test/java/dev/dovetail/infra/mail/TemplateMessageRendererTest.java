package dev.dovetail.infra.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Answer;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.BookingTypeDetails;
import dev.dovetail.booking.domain.CancellationPolicyText;
import dev.dovetail.booking.domain.CancellationTier;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.PaymentRequirement;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.domain.Question;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.domain.TypeLocation;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.kernel.i18n.Language;
import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.domain.MessageContext;
import dev.dovetail.notification.domain.MessageKind;
import dev.dovetail.notification.domain.OutboundMessage;
import dev.dovetail.testkit.TestBookings;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("TemplateMessageRenderer renders every kind from its template files")
class TemplateMessageRendererTest {

  static final Instant START = Instant.parse("2027-10-30T22:30:00Z"); // Sunday 00:30 CEST in Berlin, Saturday in NY
  final TemplateMessageRenderer renderer = new TemplateMessageRenderer();
  final Provider provider = new Provider("acme", "Acme <Rooms>", "owner@acme.test", ZoneId.of("Europe/Berlin"), START);
  final Resource resource = TestBookings.officeHours("room", "acme", ZoneId.of("Europe/Berlin"));
  final Booking booking = new Booking("b-1", "acme", "room", "t30", TimeRange.of(START, Duration.ofMinutes(90)),
      ZoneId.of("America/New_York"), "Ada & <Bob>", "ada@example.com", BookingStatus.CONFIRMED, null, null, 3,
      START.minusSeconds(86_400), START.minusSeconds(3600));

  MailMessage render(MessageKind kind) {
    return render(kind, booking, TestBookings.simpleType("t30", "acme", "room", 30));
  }

  MailMessage render(MessageKind kind, Booking booking, BookingType type) {
    Duration lead = kind == MessageKind.REMINDER ? Duration.ofMinutes(90) : null;
    String to = kind.audience() == MessageKind.Audience.CUSTOMER ? booking.customerEmail() : provider.email();
    OutboundMessage m = OutboundMessage.pending("acme", "b-1", 3, kind, lead, to, START.minusSeconds(5400), START);
    return renderer.render(new MessageContext(m, booking, provider, resource, type,
        "https://hub.test/manage/b-1.sig"));
  }

  @Test
  @DisplayName("every kind: a one-line subject, no template tags left, escaped HTML, .ics only where the kind has one")
  void everyKindRenders() {
    for (MessageKind kind : MessageKind.values()) {
      if (!kind.aboutBooking()) {
        continue; // TemplateWaitlistMailRendererTest, TemplateConnectionMailRendererTest
      }
      MailMessage mail = render(kind);
      assertThat(mail.subject()).as(kind + " subject").isNotBlank().doesNotContain("\n").doesNotContain("{{");
      assertThat(mail.text()).as(kind + " text").doesNotContain("{{").contains("Room room");
      assertThat(mail.html()).as(kind + " html").doesNotContain("{{").doesNotContain("<Bob>")
          .doesNotContain("<Rooms>").contains("Acme &lt;Rooms&gt;");
      boolean customer = kind.audience() == MessageKind.Audience.CUSTOMER;
      assertThat(mail.replyTo()).isEqualTo(customer ? "owner@acme.test" : null);
      switch (kind) {
        case CONFIRMATION, RESCHEDULE -> assertThat(mail.icsMethod()).isEqualTo("REQUEST");
        case CANCELLATION -> assertThat(mail.icsMethod()).isEqualTo("CANCEL");
        default -> assertThat(mail.ics()).isNull();
      }
      if (customer && kind != MessageKind.CANCELLATION) {
        assertThat(mail.text()).contains("https://hub.test/manage/b-1.sig");
      }
    }
  }

  @Test
  @DisplayName("times are the recipient's: the customer's zone for customers, the resource's for the provider")
  void timesInTheRecipientsZone() {
    MailMessage customer = render(MessageKind.REMINDER);
    assertThat(customer.subject()).isEqualTo("Reminder: t30 in 1 hour 30 minutes (Saturday 30 October 2027, 18:30)");
    assertThat(customer.text()).contains("18:30–20:00").contains("America/New_York (EDT, UTC-04:00)");
    MailMessage provider = render(MessageKind.PROVIDER_NEW_BOOKING);
    assertThat(provider.text()).contains("Sunday 31 October 2027, 00:30–02:00")
        .contains("Europe/Berlin (CEST, UTC+02:00)");
  }

  @Test
  @DisplayName("the .ics: stable UID, UTC times, the booking's SEQUENCE, organizer and attendee, CRLF lines")
  void icsContent() {
    String ics = render(MessageKind.CANCELLATION).ics();
    assertThat(ics).contains("METHOD:CANCEL\r\n", "UID:b-1@dovetail\r\n", "DTSTART:20271030T223000Z\r\n",
        "DTEND:20271031T000000Z\r\n", "SEQUENCE:3\r\n", "STATUS:CANCELLED\r\n", "mailto:owner@acme.test",
        "mailto:ada@example.com");
  }

  @Test
  @DisplayName("the type's location and the customer's answers: in the confirmation, the provider's notice and the .ics")
  void locationAndAnswers() {
    BookingType type = TestBookings.simpleType("t30", "acme", "room", 30).withDetails(new BookingTypeDetails("",
        new TypeLocation(TypeLocation.Kind.VIDEO, "https://meet.example.com/r?a=1&b=2"),
        List.of(new Question("topic", Question.Kind.TEXT, "Topic <b>", true, List.of()))));
    Booking answered = booking.withAnswers(List.of(new Answer("topic", "Topic <b>", "Rent & <i>two</i>\nlines")));

    MailMessage confirmation = render(MessageKind.CONFIRMATION, answered, type);
    assertThat(confirmation.text()).contains("  Video call: https://meet.example.com/r?a=1&b=2\n")
        .contains("Your answers:\n  Topic <b>: Rent & <i>two</i>\nlines");
    assertThat(confirmation.html()).contains("<a href=\"https://meet.example.com/r?a&#x3D;1&amp;b&#x3D;2\"")
        .contains("Topic &lt;b&gt;").contains("Rent &amp; &lt;i&gt;two&lt;/i&gt;").doesNotContain("<i>");
    assertThat(confirmation.ics()).contains("LOCATION:https://meet.example.com/r?a=1&b=2\r\n")
        .contains("URL:https://meet.example.com/r?a=1&b=2\r\n");
    MailMessage notice = render(MessageKind.PROVIDER_NEW_BOOKING, answered, type);
    assertThat(notice.text()).contains("Answers:\n  Topic <b>: Rent & <i>two</i>");
    assertThat(notice.html()).contains(">Answers</h2>");
    assertThat(render(MessageKind.CONFIRMATION).text()).doesNotContain("answers").doesNotContain("Video");
    assertThat(render(MessageKind.CONFIRMATION).ics()).contains("LOCATION:Room room").doesNotContain("URL:");
  }

  @Test
  @DisplayName("reminder leads read naturally")
  void humaneLeads() {
    assertThat(TemplateMessageRenderer.humane(Duration.ofHours(24))).isEqualTo("24 hours");
    assertThat(TemplateMessageRenderer.humane(Duration.ofHours(1))).isEqualTo("1 hour");
    assertThat(TemplateMessageRenderer.humane(Duration.ofMinutes(15))).isEqualTo("15 minutes");
    assertThat(TemplateMessageRenderer.humane(Duration.ofDays(3))).isEqualTo("3 days");
    assertThat(TemplateMessageRenderer.humane(Duration.ofHours(48))).isEqualTo("48 hours");
  }

  @Test
  @DisplayName("a booking made in German gets its customer mails in German, dates and durations too; the provider's stay English")
  void germanBookingGetsGermanMails() {
    Booking german = new Booking("b-1", "acme", "room", "t30", TimeRange.of(START, Duration.ofMinutes(90)),
        ZoneId.of("Europe/Berlin"), "Ada", "ada@example.com", BookingStatus.CONFIRMED, null, null, 3,
        START.minusSeconds(86_400), START.minusSeconds(3600), List.of("room"), List.of(), Language.DE);
    BookingType type = TestBookings.simpleType("t30", "acme", "room", 30);
    for (MessageKind kind : MessageKind.values()) {
      if (kind.aboutBooking() && kind.audience() == MessageKind.Audience.CUSTOMER) {
        MailMessage mail = render(kind, german, type);
        assertThat(mail.html()).as(kind + " html").contains("<html lang=\"de\">").contains("Hallo Ada")
            .doesNotContain("{{");
        assertThat(mail.text()).as(kind + " text").contains("Hallo Ada").contains("Zeitzone:");
      }
    }
    MailMessage confirmation = render(MessageKind.CONFIRMATION, german, type);
    assertThat(confirmation.subject()).isEqualTo("Bestätigt: t30 am Sonntag, 31. Oktober 2027 um 00:30");
    assertThat(confirmation.text()).contains("Europe/Berlin (MESZ, UTC+02:00)");
    assertThat(confirmation.ics()).contains("Buchung bei");
    assertThat(render(MessageKind.REMINDER, german, type).subject())
        .isEqualTo("Erinnerung: t30 in 1 Stunde 30 Minuten (Sonntag, 31. Oktober 2027, 00:30)");
    assertThat(render(MessageKind.PROVIDER_NEW_BOOKING, german, type).text()).doesNotContain("Hallo");
  }

  @Test
  @DisplayName("a paid type's confirmation says its cancellation policy in the customer's language; a free one's does not")
  void confirmationSaysThePolicy() {
    BookingType paid = new BookingType("t30", "acme", "room", "t30", List.of(Duration.ofMinutes(30)),
        Duration.ofMinutes(30), Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofDays(60), 0, 0,
        new Money(4500, "EUR"), PaymentRequirement.FULL, List.of(new CancellationTier(Duration.ofHours(48), 100),
        new CancellationTier(Duration.ofHours(24), 50)), Duration.ofMinutes(15));
    String english = CancellationPolicyText.of(paid, Language.EN);
    MailMessage confirmation = render(MessageKind.CONFIRMATION, booking, paid);
    assertThat(english).isEqualTo("2 days or more before the start: full refund · 24 hours or more before the start: "
        + "50% refunded · later: no refund");
    assertThat(confirmation.text()).contains("Cancelling: " + english);
    assertThat(confirmation.html()).contains("Cancelling:</strong> " + english);
    Booking german = booking.withLanguage(Language.DE);
    assertThat(render(MessageKind.CONFIRMATION, german, paid).text())
        .contains("Stornieren: " + CancellationPolicyText.of(paid, Language.DE));
    assertThat(render(MessageKind.CONFIRMATION).text()).doesNotContain("Cancelling:");
  }

  @Test
  @DisplayName("the customer's cancellation reason reaches the provider's notice, escaped in HTML; none, no heading")
  void providerReadsTheReason() {
    Booking cancelled = booking.withCancellationReason("Ill & <b>sorry</b>\nNext month?")
        .withStatus(BookingStatus.CANCELLED, START);
    BookingType type = TestBookings.simpleType("t30", "acme", "room", 30);
    MailMessage notice = render(MessageKind.PROVIDER_CANCELLATION, cancelled, type);
    assertThat(notice.text()).contains("Their reason:\nIll & <b>sorry</b>\nNext month?");
    assertThat(notice.html()).contains("Ill &amp; &lt;b&gt;sorry&lt;/b&gt;").doesNotContain("<b>sorry");
    assertThat(render(MessageKind.PROVIDER_CANCELLATION).text()).doesNotContain("reason");
    assertThat(render(MessageKind.CANCELLATION, cancelled, type).text()).as("the customer's own mail")
        .doesNotContain("Next month");
  }
}
