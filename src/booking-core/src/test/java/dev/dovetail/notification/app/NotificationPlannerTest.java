package dev.dovetail.notification.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dovetail.booking.app.BookSlotService;
import dev.dovetail.booking.app.CatalogService;
import dev.dovetail.booking.app.ManageBookingService;
import dev.dovetail.booking.app.ManageTokens;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.PaymentRequirement;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.port.in.BookSlotCommand;
import dev.dovetail.booking.port.in.BookingReceipt;
import dev.dovetail.booking.port.out.BookingChange;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.notification.domain.MessageKind;
import dev.dovetail.notification.domain.MessageState;
import dev.dovetail.notification.domain.OutboundMessage;
import dev.dovetail.testkit.InMemoryBookingRepository;
import dev.dovetail.testkit.InMemoryCalendarObjectRepository;
import dev.dovetail.testkit.InMemoryCatalog;
import dev.dovetail.testkit.InMemoryOutboxRepository;
import dev.dovetail.testkit.InMemoryResourceLock;
import dev.dovetail.testkit.InMemoryScheduleRepository;
import dev.dovetail.testkit.MutableClock;
import dev.dovetail.testkit.RecordingMailer;
import dev.dovetail.testkit.TestBookings;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The planner and dispatcher over the in-memory adapters, with a recording mailer and a hand-moved clock. */
@DisplayName("NotificationPlanner and OutboxDispatcher on the in-memory adapters")
class NotificationPlannerTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  /** Monday 2026-11-23 08:00 Berlin. */
  static final Instant MONDAY = Instant.parse("2026-11-23T07:00:00Z");

  final MutableClock clock = new MutableClock(MONDAY);
  final InMemoryCatalog.Providers providers = new InMemoryCatalog.Providers();
  final InMemoryCatalog.Resources resources = new InMemoryCatalog.Resources();
  final InMemoryCatalog.BookingTypes types = new InMemoryCatalog.BookingTypes();
  final AtomicInteger bookingReads = new AtomicInteger();
  final InMemoryBookingRepository bookings = new InMemoryBookingRepository() {
    @Override
    public Future<Optional<Booking>> findById(String id) {
      bookingReads.incrementAndGet();
      return super.findById(id);
    }
  };
  final InMemoryScheduleRepository schedules = new InMemoryScheduleRepository();
  final InMemoryOutboxRepository outbox = new InMemoryOutboxRepository();
  final RecordingMailer mailer = new RecordingMailer();
  final CatalogService catalog = new CatalogService(providers, resources, types, bookings, schedules,
      new InMemoryCalendarObjectRepository(), clock);
  final ManageTokens tokens = new ManageTokens("planner tests' manage key, 32 bytes!".getBytes());
  final NotificationPlanner planner = new NotificationPlanner(catalog, outbox, clock);
  final InMemoryResourceLock lock = new InMemoryResourceLock();
  final BookSlotService bookSlot = new BookSlotService(catalog, schedules, bookings, lock, planner, tokens, clock);
  final ManageBookingService manage =
      new ManageBookingService(catalog, schedules, bookings, lock, planner, tokens, clock);
  final OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, bookings, catalog,
      ctx -> new dev.dovetail.notification.domain.MailMessage(ctx.message().id(), ctx.message().recipient(), null,
          ctx.message().kind() + " " + ctx.booking().time().start(), "text", "<p>html</p>", null, null),
      mailer, id -> "https://hub/manage/" + tokens.issue(id), clock, OutboxDispatcher.Settings.defaults("n1"),
      () -> 0.0);

  /** Another node's dispatcher on the same outbox. */
  final OutboxDispatcher otherNode = new OutboxDispatcher(outbox, bookings, catalog,
      ctx -> new dev.dovetail.notification.domain.MailMessage(ctx.message().id(), ctx.message().recipient(), null,
          "other node", "text", "<p>html</p>", null, null),
      mailer, id -> "https://hub/manage/" + id, clock, OutboxDispatcher.Settings.defaults("n2"), () -> 0.0);
  /** Records the messages due at once with {@link #dispatcher}'s lease and hands them to it (ADR 85). */
  final NotificationPlanner leasingPlanner = new NotificationPlanner(catalog, outbox, clock, () -> { }, dispatcher);
  final BookSlotService leasingBookSlot =
      new BookSlotService(catalog, schedules, bookings, lock, leasingPlanner, tokens, clock);

  NotificationPlannerTest() {
    providers.insert(new Provider("acme", "Acme", "owner@acme.test", BERLIN, MONDAY)).await();
    resources.insert(TestBookings.officeHours("room", "acme", BERLIN)).await();
    types.insert(TestBookings.simpleType("t30", "acme", "room", 30)).await();
    types.insert(new BookingType("t-custom", "acme", "room", "custom", List.of(Duration.ofMinutes(30)),
        Duration.ofMinutes(30), Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofDays(365), 0, 0,
        Money.zero("EUR"), PaymentRequirement.NONE, List.of(), Duration.ofMinutes(10),
        List.of(Duration.ofDays(2), Duration.ofMinutes(15)))).await();
  }

  BookingReceipt.Issued book(String type, String berlinStart, boolean hold) {
    Instant start = LocalDateTime.parse(berlinStart).atZone(BERLIN).toInstant();
    return bookSlot.book(new BookSlotCommand(type, start, null, ZoneId.of("Asia/Tokyo"), "Ada", "ada@example.com",
        hold, 1)).await().bookings().get(0);
  }

  List<OutboundMessage> of(Booking booking) {
    return outbox.findByBooking(booking.id()).await();
  }

  /** A booking on Thursday 10:00 Berlin through the planner that hands its mails over leased. */
  Booking bookLeased() {
    Instant start = LocalDateTime.parse("2026-11-26T10:00").atZone(BERLIN).toInstant();
    return leasingBookSlot.book(new BookSlotCommand("t30", start, null, BERLIN, "Ada", "ada@example.com", false, 1))
        .await().bookings().get(0).booking();
  }

  /** A confirmed booking on Thursday 10:00 Berlin, not written to the repository. */
  static Booking unwritten(String id) {
    Instant start = LocalDateTime.parse("2026-11-26T10:00").atZone(BERLIN).toInstant();
    return new Booking(id, "acme", "room", "t30", TimeRange.of(start, Duration.ofMinutes(30)), BERLIN, "Ada",
        "ada@example.com", BookingStatus.CONFIRMED, null, null, 0, MONDAY, MONDAY);
  }

  static BookingChange booked(Booking booking) {
    return new BookingChange(BookingChange.Kind.BOOKED, booking, null, BookingChange.Actor.CUSTOMER);
  }

  OutboundMessage confirmationOf(Booking booking) {
    return of(booking).stream().filter(m -> m.kind() == MessageKind.CONFIRMATION).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("the messages of one booking due in one batch share one read of the booking")
  void oneBookingReadPerBatch() {
    Booking booking = book("t30", "2026-11-26T10:00", false).booking();
    bookingReads.set(0);
    OutboxDispatcher.Report report = dispatcher.dispatchDue().await();
    assertThat(report.sent()).isEqualTo(2);
    assertThat(mailer.sent()).extracting(m -> m.to()).containsExactlyInAnyOrder("ada@example.com", "owner@acme.test");
    assertThat(bookingReads).as("reads of " + booking.id()).hasValue(1);
  }

  @Test
  @DisplayName("a confirmed booking owes a confirmation, a provider notice and the type's reminders, once")
  void confirmedBookingPlansMessagesOnce() {
    Booking booking = book("t30", "2026-11-26T10:00", false).booking();
    assertThat(of(booking)).extracting(OutboundMessage::kind).containsExactlyInAnyOrder(MessageKind.CONFIRMATION,
        MessageKind.PROVIDER_NEW_BOOKING, MessageKind.REMINDER, MessageKind.REMINDER);
    assertThat(of(booking).stream().filter(m -> m.kind() == MessageKind.PROVIDER_NEW_BOOKING))
        .extracting(OutboundMessage::recipient).containsExactly("owner@acme.test");
    // Recording the same change again (a retried use case) stores nothing new.
    planner.record(List.of(new dev.dovetail.booking.port.out.BookingChange(
        dev.dovetail.booking.port.out.BookingChange.Kind.BOOKED, booking, null,
        dev.dovetail.booking.port.out.BookingChange.Actor.CUSTOMER))).await();
    assertThat(of(booking)).hasSize(4);
    Booking custom = book("t-custom", "2026-11-27T10:00", false).booking();
    assertThat(of(custom).stream().filter(m -> m.kind() == MessageKind.REMINDER))
        .extracting(OutboundMessage::reminderLead).containsExactly(Duration.ofDays(2), Duration.ofMinutes(15));
  }

  @Test
  @DisplayName("a provider's cancellation note goes into the customer's cancellation mail only; a bad one is refused")
  void providerCancellationCarriesItsNote() {
    Booking booking = book("t30", "2026-11-26T10:00", false).booking();
    assertThatThrownBy(() -> manage.cancel("acme", booking.id(), "one\ntwo").await())
        .isInstanceOf(dev.dovetail.booking.domain.InvalidRequestException.class);
    assertThatThrownBy(() -> manage.cancel("acme", booking.id(), "x".repeat(501)).await())
        .isInstanceOf(dev.dovetail.booking.domain.InvalidRequestException.class);

    manage.cancel("acme", booking.id(), "  Sorry, the room is flooded.  ").await();

    assertThat(of(booking).stream().filter(m -> m.kind() == MessageKind.CANCELLATION))
        .extracting(OutboundMessage::note).containsExactly("Sorry, the room is flooded.");
    assertThat(of(booking).stream().filter(m -> m.kind() != MessageKind.CANCELLATION))
        .extracting(OutboundMessage::note).containsOnlyNulls();
  }

  @Test
  @DisplayName("a hold owes nothing until it is confirmed; then the confirmation carries the confirmed sequence")
  void holdGetsMailOnlyWhenConfirmed() {
    Booking hold = book("t30", "2026-11-26T10:00", true).booking();
    assertThat(of(hold)).isEmpty();
    Booking confirmed = manage.confirmHold(hold.id()).await();
    assertThat(of(hold)).isNotEmpty().allMatch(m -> m.bookingSequence() == confirmed.revision());
    dispatcher.dispatchDue().await();
    assertThat(mailer.sent()).hasSize(2);
  }

  @Test
  @DisplayName("the dispatcher waits for a booking write still under way, then skips a change that never landed")
  void unwrittenBookingIsSkippedAfterGrace() {
    Booking ghost = book("t30", "2026-11-26T10:00", false).booking().movedTo(
        dev.dovetail.kernel.TimeRange.of(MONDAY.plusSeconds(86_400 * 3), Duration.ofMinutes(30)), MONDAY);
    planner.record(List.of(new dev.dovetail.booking.port.out.BookingChange(
        dev.dovetail.booking.port.out.BookingChange.Kind.RESCHEDULED, ghost, null,
        dev.dovetail.booking.port.out.BookingChange.Actor.CUSTOMER))).await();
    OutboxDispatcher.Report first = dispatcher.dispatchDue().await();
    assertThat(first.waiting()).isEqualTo(1);
    assertThat(first.sent()).isEqualTo(2);
    clock.advance(Duration.ofMinutes(5));
    assertThat(dispatcher.dispatchDue().await().skipped()).isEqualTo(1);
    assertThat(of(ghost).stream().filter(m -> m.kind() == MessageKind.RESCHEDULE))
        .singleElement().extracting(OutboundMessage::state).isEqualTo(MessageState.SKIPPED);
  }

  @Test
  @DisplayName("transient failures back off exponentially (30 s, 60 s, ...) with jitter; a refusal fails at once")
  void backoffAndPermanentFailure() {
    mailer.down(true);
    Booking booking = book("t30", "2026-11-26T10:00", false).booking();
    dispatcher.dispatchDue().await();
    OutboundMessage confirmation = confirmationOf(booking);
    assertThat(confirmation.attempts()).isEqualTo(1);
    assertThat(confirmation.nextAttemptAt()).isEqualTo(MONDAY.plusSeconds(15)); // jitter 0: half of 30 s
    clock.advance(Duration.ofSeconds(15));
    dispatcher.dispatchDue().await();
    assertThat(confirmationOf(booking).nextAttemptAt()).isEqualTo(MONDAY.plusSeconds(15 + 30)); // half of 60 s
    assertThat(dispatcher.backoff(20)).isEqualTo(Duration.ofMinutes(15)); // half of the 30-minute cap
    mailer.down(false);
    mailer.refuse("owner@acme.test");
    clock.advance(Duration.ofSeconds(30));
    dispatcher.dispatchDue().await();
    assertThat(of(booking)).filteredOn(m -> m.kind() == MessageKind.PROVIDER_NEW_BOOKING).singleElement()
        .satisfies(m -> {
          assertThat(m.state()).isEqualTo(MessageState.FAILED);
          assertThat(m.lastError()).startsWith("550");
        });
    assertThat(confirmationOf(booking).state()).isEqualTo(MessageState.SENT);
  }

  @Test
  @DisplayName("messages due at once are stored leased to the recording node and sent by it without a claim; "
      + "reminders are stored unleased")
  void dueMessagesAreHandedOverLeased() {
    Booking booking = bookLeased();
    assertThat(of(booking)).filteredOn(m -> m.kind() == MessageKind.REMINDER)
        .allSatisfy(m -> assertThat(m.leaseOwner()).isNull());
    assertThat(of(booking)).filteredOn(m -> m.kind() != MessageKind.REMINDER).hasSize(2)
        .allSatisfy(m -> assertThat(m.leaseOwner()).isEqualTo("n1"));

    // another node finds them due but held
    assertThat(otherNode.dispatchDue().await().claimed()).isZero();
    OutboxDispatcher.Report report = dispatcher.dispatchDue().await();
    assertThat(report.claimed()).isEqualTo(2);
    assertThat(report.sent()).isEqualTo(2);
    assertThat(mailer.sent()).extracting(m -> m.subject()).doesNotContain("other node");
    // a change recorded again stores nothing and hands nothing over: nothing is sent twice
    leasingPlanner.record(List.of(booked(booking))).await();
    assertThat(dispatcher.dispatchDue().await().sent()).isZero();
    assertThat(mailer.sent()).hasSize(2);
  }

  @Test
  @DisplayName("a leased message its node never sent (the node died) is taken by another node once the lease ran out")
  void leaseOfAStoppedNodeRunsOut() {
    Booking booking = bookLeased();
    // n1 dies before its dispatcher ran; n2 waits out the lease
    assertThat(otherNode.dispatchDue().await().claimed()).isZero();
    clock.advance(OutboxDispatcher.Settings.defaults("n1").lease().plusSeconds(1));
    assertThat(otherNode.dispatchDue().await().sent()).isEqualTo(2);
    assertThat(confirmationOf(booking).state()).isEqualTo(MessageState.SENT);
    assertThat(mailer.sent()).extracting(m -> m.subject()).containsOnly("other node");
    // were n1 only slow, its handed-over copies would now find their lease gone and send nothing
    assertThat(dispatcher.dispatchDue().await().lost()).isEqualTo(2);
    assertThat(mailer.sent()).hasSize(2);
  }

  @Test
  @DisplayName("a message whose booking is not written yet waits in memory while young, then goes out: no store write "
      + "for the wait, no claim after it")
  void messageWaitingForItsBookingIsParked() {
    Booking booking = unwritten("b-parked");
    // recorded before the booking write, as the use cases do; the write has not landed yet
    leasingPlanner.record(List.of(booked(booking))).await();
    OutboundMessage recorded = confirmationOf(booking);

    assertThat(dispatcher.dispatchDue().await().waiting()).isEqualTo(2);
    assertThat(confirmationOf(booking)).isEqualTo(recorded);

    bookings.insertAll(List.of(booking)).await();
    assertThat(dispatcher.dispatchDue().await().sent()).as("parked for 250 ms").isZero();
    clock.advance(Duration.ofMillis(250));
    OutboxDispatcher.Report report = dispatcher.dispatchDue().await();
    assertThat(report.sent()).isEqualTo(2);
    assertThat(confirmationOf(booking).state()).isEqualTo(MessageState.SENT);
  }

  @Test
  @DisplayName("a message recorded over 10 s ago whose booking is missing is postponed in the store, as before")
  void olderMessageWaitingForItsBookingIsPostponedInTheStore() {
    Booking booking = unwritten("b-late");
    leasingPlanner.record(List.of(booked(booking))).await();
    clock.advance(Duration.ofSeconds(10));
    assertThat(dispatcher.dispatchDue().await().waiting()).isEqualTo(2);
    assertThat(confirmationOf(booking).nextAttemptAt()).isEqualTo(MONDAY.plusSeconds(12));
    assertThat(confirmationOf(booking).leaseOwner()).isNull();
  }

  @Test
  @DisplayName("a stopping node gives back the leases of what was handed over and not sent: another node sends it "
      + "at once")
  void stoppingNodeGivesLeasesBack() {
    Booking booking = bookLeased();
    assertThat(otherNode.dispatchDue().await().claimed()).isZero();

    assertThat(dispatcher.releaseHandedOver().await()).isEqualTo(2);
    assertThat(otherNode.dispatchDue().await().sent()).isEqualTo(2);
    assertThat(confirmationOf(booking).state()).isEqualTo(MessageState.SENT);
    assertThat(confirmationOf(booking).attempts()).isEqualTo(1);
    assertThat(dispatcher.dispatchDue().await().claimed()).isZero();
  }
}
