package dev.dovetail.infra.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.AvailabilityRule;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.Ids;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.domain.WallClockWindow;
import dev.dovetail.booking.port.in.BookSlotCommand;
import dev.dovetail.booking.port.in.BookingReceipt;
import dev.dovetail.booking.port.in.SlotTakenException;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.testkit.MutableClock;
import dev.dovetail.testkit.TestBookings;
import dev.dovetail.waitlist.domain.EntryStatus;
import dev.dovetail.waitlist.domain.Wish;
import dev.dovetail.waitlist.port.in.Waitlist;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.mail.internet.MimeMessage;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The waitlist's acceptance cases end to end: the Mongo store on the embedded server, real use cases, the outbox
 * dispatcher sending over SMTP to GreenMail, links taken from the mails received, and a clock moved by hand.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@DisplayName("Waitlist with GreenMail: freed slots offered in join order by mail, claimed by link, passed on, once")
class WaitlistMailIT {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);
  private static final Pattern CLAIM = Pattern.compile("https://hub\\.dovetail\\.test/waitlist/claim/(\\S+)");
  private static final Pattern LEAVE = Pattern.compile("https://hub\\.dovetail\\.test/waitlist/leave/(\\S+)");

  private Vertx vertx;
  private MutableClock clock;
  private SmtpSink smtp;
  private String database;
  private WaitlistNode node;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    clock = new MutableClock(Instant.parse("2026-11-23T07:00:00Z"));
    smtp = new SmtpSink().start();
    database = "w" + Ids.random().substring(0, 16);
    node = new WaitlistNode(vertx, clock, database, smtp, "node-a");
    node.store.providers().insert(new Provider("acme", "Acme", NotificationFixture.PROVIDER_EMAIL, BERLIN,
        clock.instant())).await();
    Map<DayOfWeek, List<WallClockWindow>> days = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      days.put(day, List.of(WallClockWindow.of("00:00", "20:00")));
    }
    node.store.resources().insert(new Resource("room", "acme", "Studio 1", BERLIN, true,
        new AvailabilityRule(days, List.of(), Map.of(), Set.of()))).await();
    node.store.bookingTypes().insert(TestBookings.simpleType("hour", "acme", "room", 60)).await();
  }

  @AfterEach
  void stop() {
    node.close();
    smtp.close();
    vertx.close().await();
  }

  private static Instant at(LocalDate day, int hour) {
    return day.atTime(hour, 0).atZone(BERLIN).toInstant();
  }

  private BookingReceipt.Issued book(Instant start, String who) {
    return node.bookSlot.book(new BookSlotCommand("hour", start, null, BERLIN, who, who + "@example.com", false, 1))
        .await().bookings().get(0);
  }

  private Waitlist.Joined join(String who, Wish wish) {
    Waitlist.Joined joined = node.waitlist.join(new Waitlist.JoinCommand("hour", who, who + "@example.com", BERLIN,
        wish)).await();
    clock.advance(Duration.ofSeconds(1));
    return joined;
  }

  private static Wish morning() {
    return Wish.window(TUESDAY, LocalTime.of(9, 0), LocalTime.of(11, 0));
  }

  private List<MimeMessage> offersTo(String who) {
    return smtp.receivedBy(who + "@example.com").stream()
        .filter(m -> subject(m).startsWith("A slot is free for you")).toList();
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String token(Pattern link, MimeMessage mail) {
    Matcher m = link.matcher(SmtpSink.textPart(mail));
    assertThat(m.find()).as("link in " + SmtpSink.textPart(mail)).isTrue();
    return m.group(1);
  }

  private void dispatch() {
    node.dispatcher.dispatchDue().await();
  }

  @Test
  @DisplayName("a cancellation: the first matching customer gets the offer mail, claims by its link, is booked")
  void cancellationOfferedClaimedBooked() {
    BookingReceipt.Issued alice = book(at(TUESDAY, 9), "alice");
    book(at(TUESDAY, 10), "bob");
    join("carol", morning());
    join("dave", morning());
    dispatch();
    assertThat(smtp.receivedBy("carol@example.com")).singleElement()
        .satisfies(m -> assertThat(subject(m)).startsWith("You are on the waitlist"));

    node.manage.cancel(alice.manageToken()).await();
    assertThat(node.heard).containsExactly("room");
    assertThat(node.backfill.match("room").await()).isEqualTo(1);
    dispatch();
    MimeMessage offer = offersTo("carol").get(0);
    assertThat(SmtpSink.textPart(offer)).contains("Tuesday 24 November 2026, 09:00–10:00").contains("15 minutes");
    assertThat(offersTo("dave")).isEmpty();

    clock.advance(Duration.ofMinutes(5));
    BookingReceipt receipt = node.waitlist.claim(token(CLAIM, offer)).await();
    assertThat(receipt.bookings().get(0).booking().status()).isEqualTo(BookingStatus.CONFIRMED);
    assertThat(receipt.bookings().get(0).booking().time().start()).isEqualTo(at(TUESDAY, 9));
    dispatch();
    assertThat(smtp.receivedBy("carol@example.com")).anySatisfy(m -> assertThat(subject(m)).startsWith("Confirmed:"));
    assertThat(node.waitlist.recovered("acme").await().count()).isEqualTo(1);
  }

  @Test
  @DisplayName("an unclaimed offer: after the window the second customer gets the mail; the first's link says so")
  void unclaimedPassesToSecond() {
    BookingReceipt.Issued alice = book(at(TUESDAY, 9), "alice");
    book(at(TUESDAY, 10), "bob");
    join("carol", morning());
    join("dave", morning());
    node.manage.cancel(alice.manageToken()).await();
    node.backfill.match("room").await();
    dispatch();
    MimeMessage first = offersTo("carol").get(0);

    clock.advance(Duration.ofMinutes(16));
    assertThat(node.backfill.sweep().await().offered()).isEqualTo(1);
    dispatch();
    assertThat(offersTo("dave")).hasSize(1);
    assertThat(offersTo("carol")).hasSize(1);
    Throwable late = node.waitlist.claim(token(CLAIM, first)).transform(ar -> Future.succeededFuture(ar.cause()))
        .await();
    assertThat(late).isInstanceOf(SlotTakenException.class).hasMessageContaining("no longer open");
    assertThat(node.waitlist.claim(token(CLAIM, offersTo("dave").get(0))).await().bookings()).hasSize(1);
  }

  @Test
  @DisplayName("two slots freed at once with three waiting: two offer mails, in join order; the third waits")
  void twoSlotsThreeWaiting() {
    BookingReceipt.Issued alice = book(at(TUESDAY, 9), "alice");
    BookingReceipt.Issued bob = book(at(TUESDAY, 10), "bob");
    join("carol", morning());
    join("dave", morning());
    Waitlist.Joined erin = join("erin", morning());
    node.manage.cancel(alice.manageToken()).await();
    node.manage.cancel(bob.manageToken()).await();
    assertThat(node.backfill.match("room").await()).isEqualTo(2);
    dispatch();
    assertThat(offersTo("carol")).hasSize(1);
    assertThat(offersTo("dave")).hasSize(1);
    assertThat(offersTo("erin")).isEmpty();
    assertThat(node.store.waitlist().findById(erin.entry().id()).await().orElseThrow().status())
        .isEqualTo(EntryStatus.WAITING);
  }

  @Test
  @DisplayName("a customer who left through the mail's link is never offered")
  void leftNeverOffered() {
    BookingReceipt.Issued alice = book(at(TUESDAY, 9), "alice");
    book(at(TUESDAY, 10), "bob");
    join("carol", morning());
    join("dave", morning());
    dispatch();
    node.waitlist.leave(token(LEAVE, smtp.receivedBy("carol@example.com").get(0))).await();
    node.manage.cancel(alice.manageToken()).await();
    node.backfill.match("room").await();
    node.backfill.sweep().await();
    dispatch();
    assertThat(offersTo("carol")).isEmpty();
    assertThat(offersTo("dave")).hasSize(1);
  }

  @Test
  @DisplayName("a claim racing a public booking for the same freed slot: exactly one of them gets it")
  void claimRacesPublicBooking() {
    for (int round = 0; round < 6; round++) {
      LocalDate day = TUESDAY.plusDays(round);
      BookingReceipt.Issued taken = book(at(day, 9), "alice");
      Waitlist.Joined carol = join("carol" + round, Wish.slot(at(day, 9)));
      node.manage.cancel(taken.manageToken()).await();

      Future<Integer> offered = node.backfill.match("room");
      Future<BookingReceipt> bought = node.bookSlot.book(new BookSlotCommand("hour", at(day, 9), null, BERLIN,
          "Mallory", "mallory@example.com", false, 1));
      Future.join(offered, bought).otherwiseEmpty().await();
      var entry = node.store.waitlist().findById(carol.entry().id()).await().orElseThrow();
      boolean offerWon = entry.status() == EntryStatus.OFFERED;
      assertThat(offerWon).as("round " + round).isNotEqualTo(bought.succeeded());
      if (offerWon) {
        node.waitlist.claim(node.links.claimToken(entry.id(), entry.offer().bookingId())).await();
      }
      long confirmed = node.store.bookings().listByProvider("acme", "room", TimeRange.of(at(day, 9),
          Duration.ofHours(1)), PageRequest.first(10)).await().items().stream()
          .filter(b -> b.status() == BookingStatus.CONFIRMED).count();
      assertThat(confirmed).as("round " + round).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("a 01:00-04:00 window on the spring-forward Sunday: 04:00 freed is not offered, 01:00 is, mailed right")
  void windowAcrossDst() {
    LocalDate sunday = LocalDate.of(2027, 3, 28);
    clock.set(Instant.parse("2027-03-26T08:00:00Z"));
    BookingReceipt.Issued one = book(at(sunday, 1), "alice");
    for (int hour : List.of(0, 3)) {
      book(at(sunday, hour), "guest" + hour);
    }
    BookingReceipt.Issued four = book(at(sunday, 4), "bob");
    join("carol", Wish.window(sunday, LocalTime.of(1, 0), LocalTime.of(4, 0)));

    node.manage.cancel(four.manageToken()).await();
    assertThat(node.backfill.match("room").await()).isZero();
    node.manage.cancel(one.manageToken()).await();
    assertThat(node.backfill.match("room").await()).isEqualTo(1);
    dispatch();
    assertThat(SmtpSink.textPart(offersTo("carol").get(0)))
        .contains("Sunday 28 March 2027, 01:00–03:00").contains("CET");
  }

  @Test
  @DisplayName("an offer survives a restart: the new node's two dispatchers mail it once, and its link books")
  void offerSurvivesRestart() {
    BookingReceipt.Issued alice = book(at(TUESDAY, 9), "alice");
    book(at(TUESDAY, 10), "bob");
    join("carol", morning());
    node.manage.cancel(alice.manageToken()).await();
    node.backfill.match("room").await();
    node.close(); // gone before it could send the offer mail

    node = new WaitlistNode(vertx, clock, database, smtp, "node-b");
    try (WaitlistNode other = new WaitlistNode(vertx, clock, database, smtp, "node-c")) {
      clock.advance(Duration.ofMinutes(1));
      Future.all(node.dispatcher.dispatchDue(), other.dispatcher.dispatchDue(), node.backfill.sweep(),
          other.backfill.sweep()).await();
      Future.all(node.dispatcher.dispatchDue(), other.dispatcher.dispatchDue()).await();
    }
    assertThat(offersTo("carol")).hasSize(1);
    BookingReceipt receipt = node.waitlist.claim(token(CLAIM, offersTo("carol").get(0))).await();
    assertThat(receipt.bookings().get(0).booking().status()).isEqualTo(BookingStatus.CONFIRMED);
  }
}
