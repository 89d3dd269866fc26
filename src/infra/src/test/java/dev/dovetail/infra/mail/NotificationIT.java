package dev.dovetail.infra.mail;

import static dev.dovetail.infra.mail.NotificationFixture.PROVIDER_EMAIL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.booking.domain.PoolMember;
import dev.dovetail.booking.domain.ResourcePool;
import dev.dovetail.booking.port.in.BookingReceipt;
import dev.dovetail.notification.app.OutboxDispatcher;
import dev.dovetail.notification.domain.MessageKind;
import dev.dovetail.notification.domain.MessageState;
import dev.dovetail.notification.domain.OutboundMessage;
import dev.dovetail.notification.port.in.NotificationLog;
import dev.dovetail.testkit.TestBookings;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The notification pipeline end to end: real use cases, the planner, the Mongo outbox on the embedded server, the
 * dispatcher, the template renderer and the Vert.x SMTP client against GreenMail, with a clock moved by hand.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Notifications over SMTP (GreenMail) with the Mongo outbox and an injected clock")
class NotificationIT {

  /** Saturday 2027-03-20 10:00 Berlin (CET): a week before the switch to summer time on Sunday 2027-03-28. */
  static final Instant BEFORE_DST = Instant.parse("2027-03-20T09:00:00Z");
  static final String CUSTOMER = "ada@example.com";

  private NotificationFixture f;
  private SmtpMailer mailer;
  private OutboxDispatcher node;

  @BeforeAll
  static void noTimeZoneUpdates() {
    System.setProperty("net.fortuna.ical4j.timezone.update.enabled", "false");
  }

  @BeforeEach
  void start(Vertx vertx) {
    f = new NotificationFixture(vertx, BEFORE_DST);
    mailer = f.smtpMailer();
    node = f.dispatcher("node-1", mailer);
  }

  @AfterEach
  void stop() {
    mailer.close().await();
    f.close();
  }

  @Test
  @DisplayName("confirmation: arrives at once with an .ics ical4j parses back (UID, DTSTART in UTC, METHOD, SEQUENCE)")
  void confirmationArrivesWithParsableIcs() throws Exception {
    BookingReceipt.Issued issued = f.book(LocalDateTime.parse("2027-03-29T10:00"), CUSTOMER);
    Booking booking = issued.booking();

    OutboxDispatcher.Report report = node.dispatchDue().await();

    assertThat(report.sent()).isEqualTo(2);
    MimeMessage mail = only(f.smtp.receivedBy(CUSTOMER));
    assertThat(mail.getSubject()).isEqualTo("Confirmed: consult on Monday 29 March 2027 at 04:00");
    assertThat(mail.getFrom()[0].toString()).contains("hub@dovetail.test");
    assertThat(SmtpSink.header(mail, "Reply-To")).isEqualTo(PROVIDER_EMAIL);
    Calendar ics = parse(SmtpSink.calendarPart(mail));
    VEvent event = ics.<VEvent>getComponents().get(0);
    assertThat(value(ics.getProperty(Property.METHOD))).isEqualTo("REQUEST");
    assertThat(value(event.getProperty(Property.UID))).isEqualTo(booking.id() + "@dovetail");
    assertThat(value(event.getProperty(Property.DTSTART))).isEqualTo("20270329T080000Z");
    assertThat(value(event.getProperty(Property.DTEND))).isEqualTo("20270329T083000Z");
    assertThat(value(event.getProperty(Property.SEQUENCE))).isEqualTo("0");
    assertThat(value(event.getProperty(Property.ORGANIZER))).isEqualTo("mailto:" + PROVIDER_EMAIL);
    assertThat(value(event.getProperty(Property.ATTENDEE))).isEqualTo("mailto:" + CUSTOMER);
    assertThat(SmtpSink.calendarPart(mail)).contains("\r\n");

    // The customer sees New York time (EDT since 2027-03-14) and the signed manage link; the HTML escapes the name.
    String text = SmtpSink.textPart(mail);
    assertThat(text).contains("Monday 29 March 2027, 04:00–04:30").contains("America/New_York (EDT, UTC-04:00)")
        .contains(NotificationFixture.LINK_BASE + issued.manageToken());
    assertThat(SmtpSink.htmlPart(mail)).contains("Ada &quot;&lt;b&gt;&quot; Lovelace").doesNotContain("<b>")
        .contains("Acme &amp; Söhne");
    assertThat(f.tokens.bookingIdOf(issued.manageToken())).contains(booking.id());

    // The provider gets a notice in the resource's zone (Berlin, already summer time on the 29th), without an .ics.
    MimeMessage notice = only(f.smtp.receivedBy(PROVIDER_EMAIL));
    assertThat(notice.getSubject()).isEqualTo("New booking: Ada \"<b>\" Lovelace, Monday 29 March 2027 10:00");
    assertThat(SmtpSink.textPart(notice)).contains("Europe/Berlin (CEST, UTC+02:00)").contains(CUSTOMER);
    assertThat(SmtpSink.calendarPart(notice)).isNull();
  }

  @Test
  @DisplayName("reminders: sent exactly at start minus 24 h and 1 h, not a millisecond before, across the DST change")
  void remindersFireAtTheirInstantsAcrossDst() {
    // Sunday 2027-03-28 10:00 Berlin is summer time (08:00Z); 24 hours earlier is Saturday 09:00 CET (08:00Z), not
    // 10:00 wall-clock: reminders are exact durations, so the day of the switch has only 23 wall-clock hours.
    Booking booking = f.book(LocalDateTime.parse("2027-03-28T10:00"), CUSTOMER).booking();
    node.dispatchDue().await();
    assertThat(f.smtp.receivedBy(CUSTOMER)).hasSize(1);
    assertThat(f.messagesOf(booking).stream().filter(m -> m.kind() == MessageKind.REMINDER).map(OutboundMessage::dueAt))
        .containsExactly(Instant.parse("2027-03-27T08:00:00Z"), Instant.parse("2027-03-28T07:00:00Z"));

    for (Instant due : List.of(Instant.parse("2027-03-27T08:00:00Z"), Instant.parse("2027-03-28T07:00:00Z"))) {
      int before = f.smtp.receivedBy(CUSTOMER).size();
      f.clock.set(due.minusMillis(1));
      assertThat(node.dispatchDue().await().sent()).as("1 ms before " + due).isZero();
      assertThat(f.smtp.receivedBy(CUSTOMER)).hasSize(before);
      f.clock.set(due);
      assertThat(node.dispatchDue().await().sent()).as("at " + due).isEqualTo(1);
      List<MimeMessage> received = f.smtp.receivedBy(CUSTOMER);
      assertThat(received).hasSize(before + 1);
      assertThat(subject(received.get(before))).startsWith("Reminder: consult in "
          + (due.equals(Instant.parse("2027-03-27T08:00:00Z")) ? "24 hours" : "1 hour"));
    }
    assertThat(f.messagesOf(booking)).allMatch(m -> m.state() == MessageState.SENT);
  }

  @Test
  @DisplayName("a booking made less than 24 h ahead gets no 24-hour reminder (never sent late), only the 1-hour one")
  void shortNoticeBookingSkipsTheDayBeforeReminder() {
    f.clock.set(Instant.parse("2027-03-28T20:00:00Z"));
    Booking booking = f.book(LocalDateTime.parse("2027-03-29T10:00"), CUSTOMER).booking();
    assertThat(f.messagesOf(booking).stream().filter(m -> m.kind() == MessageKind.REMINDER))
        .extracting(OutboundMessage::reminderLead).containsExactly(Duration.ofHours(1));
    node.dispatchDue().await();
    f.clock.set(Instant.parse("2027-03-29T07:00:00Z"));
    node.dispatchDue().await();
    f.clock.set(Instant.parse("2027-03-29T08:30:00Z"));
    node.dispatchDue().await();
    assertThat(f.smtp.receivedBy(CUSTOMER)).extracting(NotificationIT::subject)
        .containsExactly("Confirmed: consult on Monday 29 March 2027 at 04:00",
            "Reminder: consult in 1 hour (Monday 29 March 2027, 04:00)");
  }

  @Test
  @DisplayName("cancel: METHOD:CANCEL with STATUS:CANCELLED and the next SEQUENCE; pending reminders are never sent")
  void cancelSendsIcsCancelAndDropsReminders() throws Exception {
    BookingReceipt.Issued issued = f.book(LocalDateTime.parse("2027-03-29T10:00"), CUSTOMER);
    node.dispatchDue().await();
    f.manage.cancel(issued.manageToken()).await();

    node.dispatchDue().await();
    f.clock.set(Instant.parse("2027-03-29T09:00:00Z"));
    OutboxDispatcher.Report late = node.dispatchDue().await();

    assertThat(late.skipped()).isEqualTo(2);
    List<MimeMessage> toCustomer = f.smtp.receivedBy(CUSTOMER);
    assertThat(toCustomer).extracting(NotificationIT::subject).containsExactly(
        "Confirmed: consult on Monday 29 March 2027 at 04:00", "Cancelled: consult on Monday 29 March 2027 at 04:00");
    Calendar ics = parse(SmtpSink.calendarPart(toCustomer.get(1)));
    VEvent event = ics.<VEvent>getComponents().get(0);
    assertThat(value(ics.getProperty(Property.METHOD))).isEqualTo("CANCEL");
    assertThat(value(event.getProperty(Property.STATUS))).isEqualTo("CANCELLED");
    assertThat(value(event.getProperty(Property.SEQUENCE))).isEqualTo("1");
    assertThat(value(event.getProperty(Property.UID))).isEqualTo(issued.booking().id() + "@dovetail");
    assertThat(f.smtp.receivedBy(PROVIDER_EMAIL)).extracting(NotificationIT::subject).containsExactly(
        "New booking: Ada \"<b>\" Lovelace, Monday 29 March 2027 10:00",
        "Cancelled by Ada \"<b>\" Lovelace: Monday 29 March 2027 10:00");
    assertThat(f.messagesOf(issued.booking()).stream().filter(m -> m.kind() == MessageKind.REMINDER))
        .hasSize(2).allMatch(m -> m.state() == MessageState.SKIPPED && m.lastError().contains("cancelled"));
  }

  @Test
  @DisplayName("reschedule: a REQUEST with SEQUENCE+1 and the new time; reminders move with the booking")
  void rescheduleMovesRemindersAndBumpsSequence() throws Exception {
    BookingReceipt.Issued issued = f.book(LocalDateTime.parse("2027-03-29T10:00"), CUSTOMER);
    node.dispatchDue().await();
    Instant newStart = LocalDateTime.parse("2027-03-30T11:00").atZone(NotificationFixture.BERLIN).toInstant();
    f.manage.reschedule(issued.manageToken(), newStart).await();
    node.dispatchDue().await();

    MimeMessage moved = f.smtp.receivedBy(CUSTOMER).get(1);
    assertThat(moved.getSubject()).isEqualTo("Moved: consult is now on Tuesday 30 March 2027 at 05:00");
    Calendar ics = parse(SmtpSink.calendarPart(moved));
    VEvent event = ics.<VEvent>getComponents().get(0);
    assertThat(value(ics.getProperty(Property.METHOD))).isEqualTo("REQUEST");
    assertThat(value(event.getProperty(Property.SEQUENCE))).isEqualTo("1");
    assertThat(value(event.getProperty(Property.DTSTART))).isEqualTo("20270330T090000Z");
    assertThat(value(event.getProperty(Property.UID))).isEqualTo(issued.booking().id() + "@dovetail");

    // The old 24-hour reminder's instant passes without a mail; the new one arrives at its own instant.
    f.clock.set(Instant.parse("2027-03-28T08:00:00Z"));
    assertThat(node.dispatchDue().await().skipped()).isEqualTo(1);
    f.clock.set(Instant.parse("2027-03-29T08:59:59.999Z"));
    assertThat(node.dispatchDue().await().sent()).isZero();
    f.clock.set(Instant.parse("2027-03-29T09:00:00Z"));
    assertThat(node.dispatchDue().await().sent()).isEqualTo(1);
    assertThat(f.smtp.receivedBy(CUSTOMER)).extracting(NotificationIT::subject).last()
        .isEqualTo("Reminder: consult in 24 hours (Tuesday 30 March 2027, 05:00)");
  }

  @Test
  @DisplayName("SMTP outage: retried with backoff while down, then delivered exactly once after recovery")
  void outageThenRecoveryDeliversExactlyOnce() {
    f.smtp.stop();
    Booking booking = f.book(LocalDateTime.parse("2027-03-29T10:00"), CUSTOMER).booking();

    OutboxDispatcher.Report down = node.dispatchDue().await();
    assertThat(down.retried()).isEqualTo(2);
    List<OutboundMessage> pending = f.messagesOf(booking).stream()
        .filter(m -> m.kind() != MessageKind.REMINDER).toList();
    assertThat(pending).allMatch(m -> m.state() == MessageState.PENDING && m.attempts() == 1
        && m.lastError().startsWith("SMTP unavailable"));
    // Backoff with jitter 0.5: 22.5 s after the first failure (half of 30 s, plus half of the other half).
    assertThat(pending).allMatch(m -> m.nextAttemptAt().equals(BEFORE_DST.plusMillis(22_500)));
    f.clock.advance(Duration.ofSeconds(22));
    assertThat(node.dispatchDue().await().claimed()).as("not before the backoff").isZero();
    f.clock.advance(Duration.ofSeconds(1));
    assertThat(node.dispatchDue().await().retried()).isEqualTo(2);

    f.smtp.start();
    for (int round = 0; round < 10 && f.smtp.received().size() < 2; round++) {
      f.clock.advance(Duration.ofMinutes(30));
      node.dispatchDue().await();
    }
    f.clock.advance(Duration.ofHours(1));
    node.dispatchDue().await();

    assertThat(f.smtp.receivedBy(CUSTOMER)).hasSize(1);
    assertThat(f.smtp.receivedBy(PROVIDER_EMAIL)).hasSize(1);
    assertThat(f.messagesOf(booking).stream().filter(m -> m.kind() != MessageKind.REMINDER))
        .allMatch(m -> m.state() == MessageState.SENT && m.attempts() >= 3);
  }

  @Test
  @DisplayName("two hub nodes sharing one store deliver each message exactly once, also when one dies mid-send")
  void twoNodesDeliverEachMessageOnce() {
    SmtpMailer otherMailer = f.smtpMailer();
    OutboxDispatcher other = f.dispatcher("node-2", otherMailer);
    List<Booking> bookings = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      bookings.add(f.book(LocalDateTime.parse("2027-03-29T08:00").plusMinutes(30L * i), "c" + i + "@example.com")
          .booking());
    }
    // A third node takes some messages and dies before sending: its lease keeps the others off until it runs out.
    List<OutboundMessage> orphaned = f.store.outbox().claimDue(f.clock.instant(), "node-dead", Duration.ofMinutes(2), 5)
        .await();
    assertThat(orphaned).hasSize(5);

    for (int round = 0; round < 3; round++) {
      io.vertx.core.Future.all(node.dispatchDue(), other.dispatchDue(), node.dispatchDue(), other.dispatchDue())
          .await();
    }
    assertThat(f.smtp.received()).hasSize(24 - 5);
    f.clock.advance(Duration.ofMinutes(2));
    io.vertx.core.Future.all(node.dispatchDue(), other.dispatchDue()).await();

    List<String> ids = f.smtp.received().stream().map(m -> SmtpSink.header(m, "X-Dovetail-Message")).toList();
    assertThat(ids).hasSize(24).doesNotHaveDuplicates();
    assertThat(bookings.stream().flatMap(b -> f.messagesOf(b).stream()).filter(m -> m.kind() != MessageKind.REMINDER))
        .hasSize(24).allMatch(m -> m.state() == MessageState.SENT && m.attempts() == 1);
    assertThat(f.smtp.received().stream().map(m -> SmtpSink.header(m, "X-Dovetail-Message")))
        .containsAll(orphaned.stream().map(OutboundMessage::id).toList());
    otherMailer.close().await();
  }

  @Test
  @DisplayName("a pooled booking's notices name its resources: every member of an ALL pool, the assigned one of ANY")
  void pooledBookingNoticesNameTheirMembers() throws Exception {
    f.addRoom("room-2", "Studio 2");
    List<PoolMember> members = List.of(new PoolMember("room", 0), new PoolMember("room-2", 0));
    f.addType(TestBookings.simpleType("together", "acme", "room", 30).withPool(new ResourcePool(
        ResourcePool.Mode.ALL, members, ResourcePool.Assignment.FIRST_FREE, false,
        ResourcePool.DEFAULT_BALANCE_WINDOW)));
    f.addType(TestBookings.simpleType("either", "acme", "room", 30).withPool(new ResourcePool(
        ResourcePool.Mode.ANY, members, ResourcePool.Assignment.FIRST_FREE, false,
        ResourcePool.DEFAULT_BALANCE_WINDOW)));
    f.book("consult", LocalDateTime.parse("2027-03-29T11:00"), "first@example.com");
    f.book("together", LocalDateTime.parse("2027-03-29T10:00"), CUSTOMER);
    Booking either = f.book("either", LocalDateTime.parse("2027-03-29T11:00"), "bob@example.com").booking();
    assertThat(either.resourceId()).as("Studio 1 is taken at 11:00").isEqualTo("room-2");

    node.dispatchDue().await();

    List<MimeMessage> notices = f.smtp.receivedBy(PROVIDER_EMAIL);
    MimeMessage together = notices.stream().filter(m -> SmtpSink.textPart(m).contains(CUSTOMER)).findFirst()
        .orElseThrow();
    assertThat(SmtpSink.textPart(together)).contains("Where:      Studio 1, Studio 2");
    assertThat(SmtpSink.htmlPart(together)).contains("Studio 1, Studio 2");
    MimeMessage assigned = notices.stream().filter(m -> SmtpSink.textPart(m).contains("bob@example.com"))
        .findFirst().orElseThrow();
    assertThat(SmtpSink.textPart(assigned)).contains("Where:      Studio 2").doesNotContain("Studio 1");
    MimeMessage customer = only(f.smtp.receivedBy(CUSTOMER));
    assertThat(SmtpSink.calendarPart(customer)).contains("LOCATION:Studio 1\\, Studio 2");
  }

  @Test
  @DisplayName("a refused recipient (550) is recorded FAILED at once and shows in the provider's log")
  void refusedRecipientIsFailedAndVisible() {
    Booking booking = f.book(LocalDateTime.parse("2027-03-29T10:00"), "nobody@" + SmtpSink.REFUSED_DOMAIN).booking();

    OutboxDispatcher.Report report = node.dispatchDue().await();

    assertThat(report.failed()).isEqualTo(1);
    assertThat(report.sent()).isEqualTo(1);
    OutboundMessage confirmation = f.messagesOf(booking).stream()
        .filter(m -> m.kind() == MessageKind.CONFIRMATION).findFirst().orElseThrow();
    assertThat(confirmation.state()).isEqualTo(MessageState.FAILED);
    assertThat(confirmation.attempts()).isEqualTo(1);
    assertThat(confirmation.lastError()).startsWith("SMTP 550");
    List<OutboundMessage> logged = f.log.list("acme", PageRequest.first(50)).await().items();
    assertThat(logged).filteredOn(m -> m.id().equals(confirmation.id()))
        .singleElement().extracting(OutboundMessage::state).isEqualTo(MessageState.FAILED);
    NotificationLog.Entry entry = f.log.get("acme", confirmation.id()).await();
    assertThat(entry.message().lastError()).contains("550");
    assertThat(entry.content()).as("SMTP mode keeps no copy").isNull();
  }

  private static MimeMessage only(List<MimeMessage> messages) {
    assertThat(messages).hasSize(1);
    return messages.get(0);
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Calendar parse(String ics) throws Exception {
    assertThat(ics).isNotNull();
    return new CalendarBuilder().build(new StringReader(ics));
  }

  private static String value(java.util.Optional<? extends Property> property) {
    return property.orElseThrow().getValue();
  }
}
