package dev.dovetail.waitlist.port.out;

import static dev.dovetail.booking.port.out.Outcomes.await;
import static dev.dovetail.booking.port.out.Outcomes.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Ids;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.waitlist.domain.EntryStatus;
import dev.dovetail.waitlist.domain.SlotOffer;
import dev.dovetail.waitlist.domain.WaitlistEntry;
import dev.dovetail.waitlist.domain.WaitlistSettings;
import dev.dovetail.waitlist.domain.Wish;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link WaitlistRepository} must do. */
public interface WaitlistRepositoryContract {

  Instant T0 = Instant.parse("2030-01-01T08:00:00.123Z");
  ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  WaitlistRepository waitlist();

  static WaitlistEntry entry(String provider, String resource, String type, Instant joinedAt, Wish wish) {
    return WaitlistEntry.join(Ids.random(), provider, resource, type, "Grace Hopper", "grace@example.com",
        ZoneId.of("America/New_York"), wish, joinedAt);
  }

  static String id(String prefix) {
    return prefix + "-" + Ids.random().substring(0, 12);
  }

  @Test
  @DisplayName("insert then findById: every kind of wish, an open offer, passed slots and a recovered value read back")
  default void roundTripsEveryField() {
    String provider = id("prov");
    WaitlistEntry day = entry(provider, "room", "type", T0, Wish.day(LocalDate.of(2030, 3, 31)));
    WaitlistEntry window = entry(provider, "room", "type", T0.plusMillis(1),
        Wish.window(LocalDate.of(2030, 3, 31), LocalTime.of(1, 30), LocalTime.of(3, 45)));
    WaitlistEntry exact = entry(provider, "room", "type", T0.plusMillis(2), Wish.slot(T0.plus(Duration.ofDays(3))));
    await(waitlist().insert(day));
    await(waitlist().insert(window));
    await(waitlist().insert(exact));
    SlotOffer offer = new SlotOffer(Ids.random(), TimeRange.of(T0.plus(Duration.ofHours(30)), Duration.ofMinutes(30)),
        T0.plus(Duration.ofMinutes(15)), true);
    WaitlistEntry offered = window.offered(offer, T0.plusSeconds(5));
    await(waitlist().update(offered));
    WaitlistEntry lapsedThenBooked = offered.lapsed(T0.plusSeconds(6))
        .booked("held-one", new Money(4500, "EUR"), T0.plusSeconds(7));
    await(waitlist().update(offered.lapsed(T0.plusSeconds(6))));
    await(waitlist().update(lapsedThenBooked));

    assertThat(await(waitlist().findById(day.id()))).contains(day);
    assertThat(await(waitlist().findById(exact.id()))).contains(exact);
    assertThat(await(waitlist().findById(window.id()))).contains(lapsedThenBooked);
    assertThat(await(waitlist().findById("unknown-id"))).isEmpty();
  }

  @Test
  @DisplayName("update: only over the revision it was read at; insert refuses an existing id")
  default void updateIsCompareAndSet() {
    WaitlistEntry e = entry(id("prov"), "room", "type", T0, Wish.day(LocalDate.of(2030, 1, 2)));
    await(waitlist().insert(e));
    assertThat(await(failureOf(waitlist().insert(e)))).isInstanceOf(ConflictException.class);
    WaitlistEntry left = e.left(T0.plusSeconds(1));
    await(waitlist().update(left));
    assertThat(await(failureOf(waitlist().update(e.removed(T0.plusSeconds(2))))))
        .isInstanceOf(ConflictException.class);
    assertThat(await(waitlist().findById(e.id()))).contains(left);
  }

  @Test
  @DisplayName("findWaiting: only WAITING entries of that resource, in join order; resourcesWithWaiting lists it")
  default void findWaitingInJoinOrder() {
    String provider = id("prov");
    String resource = id("room");
    Wish wish = Wish.day(LocalDate.of(2030, 1, 2));
    WaitlistEntry second = entry(provider, resource, "type", T0.plusSeconds(10), wish);
    WaitlistEntry first = entry(provider, resource, "type", T0, wish);
    WaitlistEntry elsewhere = entry(provider, id("other"), "type", T0, wish);
    WaitlistEntry gone = entry(provider, resource, "type", T0.minusSeconds(5), wish);
    for (WaitlistEntry e : List.of(second, first, elsewhere, gone)) {
      await(waitlist().insert(e));
    }
    await(waitlist().update(gone.left(T0)));
    assertThat(await(waitlist().findWaiting(resource))).containsExactly(first, second);
    assertThat(await(waitlist().resourcesWithWaiting())).contains(resource, elsewhere.resourceId());
  }

  @Test
  @DisplayName("findOffered and findByOfferedBooking find an open offer by its held booking, and a claimed one")
  default void findsOffers() {
    String provider = id("prov");
    WaitlistEntry e = entry(provider, id("room"), "type", T0, Wish.day(LocalDate.of(2030, 1, 2)));
    await(waitlist().insert(e));
    String held = Ids.random();
    WaitlistEntry offered = e.offered(new SlotOffer(held, TimeRange.of(T0.plus(Duration.ofDays(1)),
        Duration.ofMinutes(30)), T0.plus(Duration.ofMinutes(15)), false), T0);
    await(waitlist().update(offered));
    assertThat(await(waitlist().findOffered(1000))).contains(offered);
    assertThat(await(waitlist().findByOfferedBooking(held))).contains(offered);
    WaitlistEntry booked = offered.booked(held, new Money(1000, "EUR"), T0.plusSeconds(1));
    await(waitlist().update(booked));
    assertThat(await(waitlist().findOffered(1000))).doesNotContain(offered, booked);
    assertThat(await(waitlist().findByOfferedBooking(held))).contains(booked);
    assertThat(await(waitlist().findByOfferedBooking(Ids.random()))).isEmpty();
  }

  @Test
  @DisplayName("listByProvider: the provider's entries in join order, by type, page after page; recovered values")
  default void listsAndReports() {
    String provider = id("prov");
    List<WaitlistEntry> mine = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      WaitlistEntry e = entry(provider, "room", i % 2 == 0 ? "even" : "odd", T0.plusSeconds(i),
          Wish.day(LocalDate.of(2030, 1, 2)));
      await(waitlist().insert(e));
      mine.add(e);
    }
    await(waitlist().insert(entry(id("prov"), "room", "even", T0, Wish.day(LocalDate.of(2030, 1, 2)))));
    List<WaitlistEntry> seen = new ArrayList<>();
    String cursor = null;
    do {
      Page<WaitlistEntry> page = await(waitlist().listByProvider(provider, null, new PageRequest(cursor, 2)));
      seen.addAll(page.items());
      cursor = page.nextCursor();
    } while (cursor != null);
    assertThat(seen).containsExactlyElementsOf(mine);
    assertThat(await(waitlist().listByProvider(provider, "odd", PageRequest.first(10))).items())
        .containsExactly(mine.get(1), mine.get(3));

    WaitlistEntry e = mine.get(0);
    String held = Ids.random();
    WaitlistEntry offered = e.offered(new SlotOffer(held, TimeRange.of(T0.plus(Duration.ofDays(1)),
        Duration.ofMinutes(30)), T0.plus(Duration.ofMinutes(15)), false), T0);
    await(waitlist().update(offered));
    await(waitlist().update(offered.booked(held, new Money(2500, "EUR"), T0)));
    assertThat(await(waitlist().recoveredValues(provider))).containsExactly(new Money(2500, "EUR"));
  }

  @Test
  @DisplayName("findBookedByBookings: only the provider's BOOKED entries whose claimed booking is among the ids; none "
      + "for no ids")
  default void findsBookedEntriesByTheirBookings() {
    String provider = id("prov");
    Wish wish = Wish.day(LocalDate.of(2030, 1, 2));
    List<WaitlistEntry> booked = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      WaitlistEntry e = entry(provider, "room", "type", T0.plusSeconds(i), wish);
      await(waitlist().insert(e));
      String held = Ids.random();
      WaitlistEntry offered = e.offered(new SlotOffer(held, TimeRange.of(T0.plus(Duration.ofDays(1 + i)),
          Duration.ofMinutes(30)), T0.plus(Duration.ofMinutes(15)), false), T0);
      await(waitlist().update(offered));
      WaitlistEntry claimed = offered.booked(held, new Money(1000 + i, "EUR"), T0.plusSeconds(1));
      await(waitlist().update(claimed));
      booked.add(claimed);
    }
    WaitlistEntry stillOffered = entry(provider, "room", "type", T0, wish);
    await(waitlist().insert(stillOffered));
    String open = Ids.random();
    await(waitlist().update(stillOffered.offered(new SlotOffer(open, TimeRange.of(T0.plus(Duration.ofDays(9)),
        Duration.ofMinutes(30)), T0.plus(Duration.ofMinutes(15)), false), T0)));

    List<String> ids = List.of(booked.get(0).bookingId(), booked.get(2).bookingId(), open, Ids.random());
    assertThat(await(waitlist().findBookedByBookings(provider, ids)))
        .containsExactlyInAnyOrder(booked.get(0), booked.get(2));
    assertThat(await(waitlist().findBookedByBookings(id("prov"), ids))).as("another tenant's ids").isEmpty();
    assertThat(await(waitlist().findBookedByBookings(provider, List.of()))).isEmpty();
  }

  @Test
  @DisplayName("settings: none until saved, then the saved ones")
  default void settingsRoundTrip() {
    String type = id("type");
    assertThat(await(waitlist().settings(type))).isEmpty();
    WaitlistSettings off = new WaitlistSettings(type, false, Duration.ofMinutes(7));
    await(waitlist().saveSettings(off));
    assertThat(await(waitlist().settings(type))).contains(off);
    WaitlistSettings on = new WaitlistSettings(type, true, Duration.ofMinutes(20));
    await(waitlist().saveSettings(on));
    assertThat(await(waitlist().settings(type))).contains(on);
  }
}
