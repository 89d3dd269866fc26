package dev.dovetail.waitlist.app;

import static dev.dovetail.booking.port.out.Outcomes.await;
import static dev.dovetail.booking.port.out.Outcomes.failureOf;
import static dev.dovetail.waitlist.app.WaitlistFixture.tuesday;
import static dev.dovetail.waitlist.app.WaitlistFixture.tuesdayMorning;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.AvailabilityRule;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.booking.domain.PaymentRequirement;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.domain.WallClockWindow;
import dev.dovetail.booking.port.in.BookSlotCommand;
import dev.dovetail.booking.port.in.BookingReceipt;
import dev.dovetail.booking.port.in.SlotTakenException;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.notification.domain.MessageKind;
import dev.dovetail.notification.domain.OutboundMessage;
import dev.dovetail.testkit.TestBookings;
import dev.dovetail.waitlist.domain.EntryStatus;
import dev.dovetail.waitlist.domain.WaitlistEntry;
import dev.dovetail.waitlist.domain.WaitlistSettings;
import dev.dovetail.waitlist.domain.Wish;
import dev.dovetail.waitlist.port.in.Waitlist;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Waitlist: join, offer freed slots in join order, claim, lapse, leave, and the provider's controls")
class WaitlistServiceTest {

  private static final BookingType HOUR = TestBookings.simpleType("hour", "acme", "room", 60);

  private final WaitlistFixture f = new WaitlistFixture(HOUR);

  /** Tuesday 09:00 and 10:00 Berlin booked by others: the morning window wished for is full. */
  private List<BookingReceipt.Issued> fullMorning() {
    return List.of(f.book("hour", tuesday(9, 0), "Alice"), f.book("hour", tuesday(10, 0), "Bob"));
  }

  private WaitlistEntry entry(String id) {
    return await(f.waitlist.findById(id)).orElseThrow();
  }

  private Booking booking(String id) {
    return await(f.bookings.findById(id)).orElseThrow();
  }

  private List<OutboundMessage> mails(MessageKind kind) {
    return await(f.outbox.listByProvider("acme", PageRequest.first(200))).items().stream()
        .filter(m -> m.kind() == kind).toList();
  }

  @Test
  @DisplayName("a cancellation: the first in line is held the slot and mailed; the claim confirms it; recovered 1")
  void cancellationOfferedToFirstThenClaimed() {
    List<BookingReceipt.Issued> booked = fullMorning();
    Waitlist.Joined first = f.join("hour", "Carol", tuesdayMorning());
    f.clock.advance(Duration.ofSeconds(1));
    Waitlist.Joined second = f.join("hour", "Dave", tuesdayMorning());
    assertThat(mails(MessageKind.WAITLIST_JOINED)).hasSize(2);

    await(f.manage.cancel(booked.get(0).manageToken()));
    assertThat(await(f.backfill.match("room"))).isEqualTo(1);

    WaitlistEntry offered = entry(first.entry().id());
    assertThat(offered.status()).isEqualTo(EntryStatus.OFFERED);
    assertThat(offered.offer().slot().start()).isEqualTo(tuesday(9, 0));
    assertThat(offered.offer().expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(15)));
    Booking hold = booking(offered.offer().bookingId());
    assertThat(hold.status()).isEqualTo(BookingStatus.HELD);
    assertThat(hold.customerEmail()).isEqualTo("carol@example.com");
    assertThat(entry(second.entry().id()).status()).isEqualTo(EntryStatus.WAITING);
    assertThat(mails(MessageKind.WAITLIST_OFFER)).singleElement()
        .satisfies(m -> assertThat(m.bookingId()).isEqualTo(hold.id()));

    f.clock.advance(Duration.ofMinutes(5));
    BookingReceipt receipt = await(f.service.claim(f.links.claimToken(first.entry().id(), hold.id())));
    assertThat(receipt.bookings().get(0).booking().status()).isEqualTo(BookingStatus.CONFIRMED);
    assertThat(booking(hold.id()).status()).isEqualTo(BookingStatus.CONFIRMED);
    assertThat(entry(first.entry().id()).status()).isEqualTo(EntryStatus.BOOKED);
    assertThat(await(f.service.recovered("acme")).count()).isEqualTo(1);
    // A second click on the link answers the same booking again.
    assertThat(await(f.service.claim(f.links.claimToken(first.entry().id(), hold.id()))).bookings().get(0).booking().id())
        .isEqualTo(hold.id());
  }

  @Test
  @DisplayName("an unclaimed offer lapses: the second in line gets the slot; the first's late claim gets alternatives")
  void unclaimedOfferPassesToTheNext() {
    List<BookingReceipt.Issued> booked = fullMorning();
    Waitlist.Joined first = f.join("hour", "Carol", tuesdayMorning());
    f.clock.advance(Duration.ofSeconds(1));
    Waitlist.Joined second = f.join("hour", "Dave", tuesdayMorning());
    await(f.manage.cancel(booked.get(1).manageToken()));
    await(f.backfill.match("room"));
    String firstHold = entry(first.entry().id()).offer().bookingId();

    f.clock.advance(Duration.ofMinutes(16));
    Backfill.Report report = await(f.backfill.sweep());
    assertThat(report.lapsed()).isEqualTo(1);
    assertThat(report.offered()).isEqualTo(1);
    assertThat(entry(first.entry().id()).status()).isEqualTo(EntryStatus.WAITING);
    assertThat(entry(first.entry().id()).passed()).containsExactly(tuesday(10, 0));
    WaitlistEntry next = entry(second.entry().id());
    assertThat(next.status()).isEqualTo(EntryStatus.OFFERED);
    assertThat(next.offer().slot().start()).isEqualTo(tuesday(10, 0));

    Throwable late = await(failureOf(f.service.claim(f.links.claimToken(first.entry().id(), firstHold))));
    assertThat(late).isInstanceOf(SlotTakenException.class).hasMessageContaining("no longer open");
    assertThat(((SlotTakenException) late).alternatives()).isNotEmpty()
        .noneMatch(s -> s.start().equals(tuesday(10, 0)));
  }

  @Test
  @DisplayName("two slots freed at once with three waiting: the first two get one each, the third waits")
  void twoSlotsThreeWaiting() {
    List<BookingReceipt.Issued> booked = fullMorning();
    Waitlist.Joined a = f.join("hour", "Carol", tuesdayMorning());
    f.clock.advance(Duration.ofSeconds(1));
    Waitlist.Joined b = f.join("hour", "Dave", tuesdayMorning());
    f.clock.advance(Duration.ofSeconds(1));
    Waitlist.Joined c = f.join("hour", "Erin", tuesdayMorning());
    await(f.manage.cancel(booked.get(0).manageToken()));
    await(f.manage.cancel(booked.get(1).manageToken()));

    assertThat(await(f.backfill.match("room"))).isEqualTo(2);
    assertThat(entry(a.entry().id()).offer().slot().start()).isEqualTo(tuesday(9, 0));
    assertThat(entry(b.entry().id()).offer().slot().start()).isEqualTo(tuesday(10, 0));
    assertThat(entry(c.entry().id()).status()).isEqualTo(EntryStatus.WAITING);
    assertThat(mails(MessageKind.WAITLIST_OFFER)).hasSize(2);
  }

  @Test
  @DisplayName("a customer who left is never offered; leaving during an offer passes its slot on")
  void leftCustomerNeverOffered() {
    List<BookingReceipt.Issued> booked = fullMorning();
    Waitlist.Joined gone = f.join("hour", "Carol", tuesdayMorning());
    f.clock.advance(Duration.ofSeconds(1));
    Waitlist.Joined offeredThenGone = f.join("hour", "Dave", tuesdayMorning());
    f.clock.advance(Duration.ofSeconds(1));
    Waitlist.Joined stays = f.join("hour", "Erin", tuesdayMorning());
    assertThat(await(f.service.leave(gone.leaveToken())).status()).isEqualTo(EntryStatus.LEFT);

    await(f.manage.cancel(booked.get(0).manageToken()));
    await(f.backfill.match("room"));
    assertThat(entry(gone.entry().id()).status()).isEqualTo(EntryStatus.LEFT);
    WaitlistEntry offered = entry(offeredThenGone.entry().id());
    assertThat(offered.status()).isEqualTo(EntryStatus.OFFERED);

    await(f.service.leave(offeredThenGone.leaveToken()));
    assertThat(booking(offered.offer().bookingId()).status()).isEqualTo(BookingStatus.CANCELLED);
    await(f.backfill.match("room"));
    assertThat(entry(stays.entry().id()).status()).isEqualTo(EntryStatus.OFFERED);
    assertThat(entry(gone.entry().id()).status()).isEqualTo(EntryStatus.LEFT);
    assertThat(await(failureOf(f.service.leave("forged.token")))).hasMessageContaining("unknown leave link");
  }

  @Test
  @DisplayName("two backfills on one store at once (two nodes): one offer per slot, one hold, one mail")
  void twoNodesOfferOnce() {
    List<BookingReceipt.Issued> booked = fullMorning();
    Waitlist.Joined a = f.join("hour", "Carol", Wish.slot(tuesday(9, 0)));
    f.clock.advance(Duration.ofSeconds(1));
    Waitlist.Joined b = f.join("hour", "Dave", Wish.slot(tuesday(9, 0)));
    await(f.manage.cancel(booked.get(0).manageToken()));

    Backfill other = f.backfill();
    List<Integer> offers = await(Future.all(f.backfill.match("room"), other.match("room"), f.backfill.sweep()
        .map(Backfill.Report::offered))).list();
    assertThat(offers.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
    assertThat(entry(a.entry().id()).status()).isEqualTo(EntryStatus.OFFERED);
    assertThat(entry(b.entry().id()).status()).isEqualTo(EntryStatus.WAITING);
    assertThat(mails(MessageKind.WAITLIST_OFFER)).hasSize(1);
  }

  @Test
  @DisplayName("a public booking racing the offer for the same freed slot: exactly one of them gets it")
  void publicBookingRacesTheOffer() {
    for (int round = 0; round < 20; round++) {
      WaitlistFixture g = new WaitlistFixture(HOUR);
      BookingReceipt.Issued taken = g.book("hour", tuesday(9, 0), "Alice");
      Waitlist.Joined waiting = g.join("hour", "Carol", Wish.slot(tuesday(9, 0)));
      await(g.manage.cancel(taken.manageToken()));

      Future<Integer> offered = g.backfill.match("room");
      Future<BookingReceipt> bought = g.bookSlot.book(new BookSlotCommand("hour", tuesday(9, 0), null,
          WaitlistFixture.BERLIN, "Mallory", "mallory@example.com", false, 1));
      await(Future.join(offered, bought).otherwiseEmpty());
      await(offered);
      boolean offerWon = entryOf(g, waiting).status() == EntryStatus.OFFERED;
      assertThat(offerWon).isNotEqualTo(bought.succeeded());
      if (offerWon) {
        await(g.service.claim(g.links.claimToken(waiting.entry().id(), entryOf(g, waiting).offer().bookingId())));
      }
      long live = await(g.bookings.listByProvider("acme", "room", TimeRange.of(tuesday(9, 0), Duration.ofHours(1)),
          PageRequest.first(10))).items().stream().filter(x -> x.status() == BookingStatus.CONFIRMED).count();
      assertThat(live).isEqualTo(1);
    }
  }

  private static WaitlistEntry entryOf(WaitlistFixture g, Waitlist.Joined joined) {
    return await(g.waitlist.findById(joined.entry().id())).orElseThrow();
  }

  @Test
  @DisplayName("joining while matching slots are free is refused with those slots; a waitlist turned off refuses")
  void joinRefusals() {
    Throwable free = await(failureOf(f.service.join(new Waitlist.JoinCommand("hour", "Carol", "carol@example.com",
        WaitlistFixture.BERLIN, tuesdayMorning()))));
    assertThat(free).isInstanceOf(SlotTakenException.class);
    assertThat(((SlotTakenException) free).alternatives()).extracting(s -> s.start())
        .containsExactly(tuesday(9, 0), tuesday(10, 0));

    fullMorning();
    await(f.service.updateSettings("acme", new WaitlistSettings("hour", false, Duration.ofMinutes(15))));
    assertThat(await(failureOf(f.service.join(new Waitlist.JoinCommand("hour", "Carol", "carol@example.com",
        WaitlistFixture.BERLIN, tuesdayMorning()))))).isInstanceOf(ConflictException.class)
        .hasMessageContaining("turned off");
    assertThat(await(failureOf(f.service.join(new Waitlist.JoinCommand("hour", "Carol", "not-an-email",
        WaitlistFixture.BERLIN, tuesdayMorning()))))).hasMessageContaining("email");
  }

  @Test
  @DisplayName("a wish for a closed time (a weekend day, the lunch break, the evening) is refused: only a fully booked "
      + "open time can ever be offered")
  void closedTimesAreRefused() {
    LocalDate sunday = WaitlistFixture.TUESDAY.plusDays(5);
    for (Wish closed : List.of(Wish.day(sunday), Wish.window(WaitlistFixture.TUESDAY, LocalTime.of(12, 0),
        LocalTime.of(13, 0)), Wish.window(WaitlistFixture.TUESDAY, LocalTime.of(18, 0), LocalTime.of(21, 0)))) {
      assertThat(await(failureOf(f.service.join(new Waitlist.JoinCommand("hour", "Carol", "carol@example.com",
          WaitlistFixture.BERLIN, closed))))).as("%s", closed).isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("closed then");
    }
    assertThat(await(f.service.entries("acme", "hour", PageRequest.first(50))).items()).isEmpty();
  }

  @Test
  @DisplayName("a wish on a holiday of the resource, a working day otherwise, is refused like any closed time")
  void holidaysAreRefused() {
    LocalDate wednesday = WaitlistFixture.TUESDAY.plusDays(1);
    Resource room = await(f.resources.findById("room")).orElseThrow();
    AvailabilityRule open = room.availability();
    await(f.resources.update(room.withAvailability(new AvailabilityRule(open.weeklyHours(), open.breaks(),
        open.dateOverrides(), Set.of(wednesday)))));
    for (Wish onHoliday : List.of(Wish.day(wednesday), Wish.window(wednesday, LocalTime.of(9, 0),
        LocalTime.of(11, 0)))) {
      assertThat(await(failureOf(f.service.join(new Waitlist.JoinCommand("hour", "Carol", "carol@example.com",
          WaitlistFixture.BERLIN, onHoliday))))).as("%s", onHoliday).isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("closed then");
    }
    assertThat(await(f.service.entries("acme", "hour", PageRequest.first(50))).items()).isEmpty();
  }

  @Test
  @DisplayName("a waitlist turned off after joining offers nothing; back on, it does")
  void turnedOffOffersNothing() {
    List<BookingReceipt.Issued> booked = fullMorning();
    Waitlist.Joined a = f.join("hour", "Carol", tuesdayMorning());
    await(f.service.updateSettings("acme", new WaitlistSettings("hour", false, Duration.ofMinutes(15))));
    await(f.manage.cancel(booked.get(0).manageToken()));
    assertThat(await(f.backfill.match("room"))).isZero();
    await(f.service.updateSettings("acme", new WaitlistSettings("hour", true, Duration.ofMinutes(5))));
    assertThat(await(f.backfill.match("room"))).isEqualTo(1);
    assertThat(entry(a.entry().id()).offer().expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(5)));
  }

  @Test
  @DisplayName("the provider offers a slot by hand, removes an entry (withdrawing its offer), lists entries")
  void providerControls() {
    List<BookingReceipt.Issued> booked = fullMorning();
    Waitlist.Joined a = f.join("hour", "Carol", tuesdayMorning());
    f.clock.advance(Duration.ofSeconds(1));
    Waitlist.Joined b = f.join("hour", "Dave", tuesdayMorning());

    WaitlistEntry byHand = await(f.service.offer("acme", b.entry().id(), tuesday(14, 0)));
    assertThat(byHand.offer().byHand()).isTrue();
    assertThat(byHand.offer().slot().start()).isEqualTo(tuesday(14, 0));
    assertThat(await(failureOf(f.service.offer("acme", a.entry().id(), tuesday(9, 0)))))
        .isInstanceOf(SlotTakenException.class);
    assertThat(await(failureOf(f.service.offer("other", a.entry().id(), tuesday(15, 0)))))
        .hasMessageContaining("not found");

    await(f.service.remove("acme", b.entry().id()));
    assertThat(booking(byHand.offer().bookingId()).status()).isEqualTo(BookingStatus.CANCELLED);
    assertThat(await(f.service.entries("acme", "hour", PageRequest.first(10))).items())
        .extracting(WaitlistEntry::status).containsExactly(EntryStatus.WAITING, EntryStatus.REMOVED);
    assertThat(booked).hasSize(2);
  }

  @Test
  @DisplayName("a paid type: joining is refused with a clear reason, and so is claiming an offer if the type became paid")
  void paidTypeRefused() {
    BookingType paid = new BookingType("hour", "acme", "room", "Paid", List.of(Duration.ofMinutes(60)),
        Duration.ofMinutes(60), Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofDays(365), 0, 0,
        new Money(5000, "EUR"), PaymentRequirement.FULL, List.of(), Duration.ofMinutes(10));
    BookingReceipt.Issued taken = f.book("hour", tuesday(9, 0), "Alice");
    Waitlist.Joined a = f.join("hour", "Carol", Wish.slot(tuesday(9, 0)));
    await(f.types.update(paid));
    assertThat(await(failureOf(f.service.join(new Waitlist.JoinCommand("hour", "Dave", "dave@example.com",
        WaitlistFixture.BERLIN, Wish.slot(tuesday(9, 0)))))))
        .isInstanceOf(ConflictException.class).hasMessageContaining("payment");

    await(f.manage.cancel(taken.manageToken()));
    await(f.backfill.match("room"));
    String held = entry(a.entry().id()).offer().bookingId();
    assertThat(await(failureOf(f.service.claim(f.links.claimToken(a.entry().id(), held)))))
        .isInstanceOf(ConflictException.class).hasMessageContaining("payment");
    assertThat(booking(held).status()).isEqualTo(BookingStatus.HELD);
  }

  @Test
  @DisplayName("a wish whose day has passed expires at the next match; a wish beyond the horizon is refused")
  void passedWishesExpire() {
    fullMorning();
    Waitlist.Joined a = f.join("hour", "Carol", tuesdayMorning());
    f.clock.set(tuesday(23, 0).plus(Duration.ofDays(1)));
    assertThat(await(f.backfill.match("room"))).isZero();
    assertThat(entry(a.entry().id()).status()).isEqualTo(EntryStatus.EXPIRED);
    assertThat(await(f.waitlist.resourcesWithWaiting())).isEmpty();
    assertThat(await(failureOf(f.service.join(new Waitlist.JoinCommand("hour", "Dave", "dave@example.com",
        WaitlistFixture.BERLIN, Wish.day(WaitlistFixture.TUESDAY.plusDays(400)))))))
        .hasMessageContaining("beyond how far ahead");
  }

  @Test
  @DisplayName("a hub taking payments: a paid type's claim hands over the held booking; once paid, it is BOOKED")
  void paidTypeClaimGoesThroughPayment() {
    BookingType paid = new BookingType("hour", "acme", "room", "Paid", List.of(Duration.ofMinutes(60)),
        Duration.ofMinutes(60), Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofDays(365), 0, 0,
        new Money(5000, "EUR"), PaymentRequirement.FULL, List.of(), Duration.ofMinutes(10));
    WaitlistFixture g = new WaitlistFixture(paid);
    WaitlistService paying = new WaitlistService(g.waitlist, g.catalog, g.catalog, g.schedules, g.manage, g.backfill,
        g.outbox, g.tokens, g.clock, resourceId -> { }, true);
    BookingReceipt.Issued taken = g.book("hour", tuesday(9, 0), "Alice");
    Waitlist.Joined a = await(paying.join(new Waitlist.JoinCommand("hour", "Carol", "carol@example.com",
        WaitlistFixture.BERLIN, Wish.slot(tuesday(9, 0)))));
    await(g.manage.cancel(taken.manageToken()));
    await(g.backfill.match("room"));
    String held = entryOf(g, a).offer().bookingId();
    String link = g.links.claimToken(a.entry().id(), held);

    BookingReceipt toPay = await(paying.claim(link));
    assertThat(toPay.bookings().get(0).booking().status()).isEqualTo(BookingStatus.HELD);
    assertThat(toPay.bookings().get(0).manageToken()).isEqualTo(g.tokens.issue(held));
    assertThat(entryOf(g, a).status()).isEqualTo(EntryStatus.OFFERED);

    await(g.manage.confirmHold(held)); // what the payment's webhook does
    g.clock.advance(Duration.ofMinutes(16));
    await(g.backfill.sweep());
    assertThat(entryOf(g, a).status()).isEqualTo(EntryStatus.BOOKED);
    assertThat(await(paying.recovered("acme")).value()).containsExactly(new Money(5000, "EUR"));
    assertThat(await(paying.claim(link)).bookings().get(0).booking().status()).isEqualTo(BookingStatus.CONFIRMED);
  }

  @Test
  @DisplayName("an offer near its slot gets a shorter window: half the time left")
  void nearSlotShorterWindow() {
    BookingReceipt.Issued taken = f.book("hour", tuesday(9, 0), "Alice");
    Waitlist.Joined a = f.join("hour", "Carol", Wish.slot(tuesday(9, 0)));
    f.clock.set(tuesday(9, 0).minus(Duration.ofMinutes(20)));
    await(f.manage.cancel(taken.manageToken()));
    AtomicInteger made = new AtomicInteger(await(f.backfill.match("room")));
    assertThat(made.get()).isEqualTo(1);
    assertThat(entry(a.entry().id()).offer().expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(10)));
  }

  @Test
  @DisplayName("a 01:00-04:00 window on the spring-forward Sunday: 04:00 freed is not offered, 01:00 CET freed is")
  void windowAcrossDst() {
    LocalDate sunday = LocalDate.of(2027, 3, 28); // Berlin clocks jump from 02:00 to 03:00
    WaitlistFixture g = new WaitlistFixture(HOUR);
    g.clock.set(Instant.parse("2027-03-26T08:00:00Z"));
    await(g.resources.update(new Resource("room", "acme", "Room", WaitlistFixture.BERLIN, true,
        new AvailabilityRule(Map.of(), List.of(), Map.of(sunday, List.of(WallClockWindow.of("00:00", "06:00"))),
            Set.of()))));
    Map<Integer, BookingReceipt.Issued> byHour = new java.util.HashMap<>();
    for (int hour : List.of(0, 1, 3, 4)) {
      Instant start = sunday.atTime(hour, 0).atZone(WaitlistFixture.BERLIN).toInstant();
      byHour.put(hour, g.book("hour", start, "Guest" + hour));
    }
    Waitlist.Joined a = g.join("hour", "Carol", Wish.window(sunday, LocalTime.of(1, 0), LocalTime.of(4, 0)));

    await(g.manage.cancel(byHour.get(4).manageToken()));
    assertThat(await(g.backfill.match("room"))).isZero(); // 04:00-05:00 ends after the window
    await(g.manage.cancel(byHour.get(1).manageToken()));
    assertThat(await(g.backfill.match("room"))).isEqualTo(1);
    WaitlistEntry offered = entryOf(g, a);
    // 01:00 CET to 03:00 CEST on the wall clock: one real hour, inside 01:00-04:00.
    assertThat(offered.offer().slot()).isEqualTo(TimeRange.of(Instant.parse("2027-03-28T00:00:00Z"),
        Duration.ofHours(1)));
  }
}
