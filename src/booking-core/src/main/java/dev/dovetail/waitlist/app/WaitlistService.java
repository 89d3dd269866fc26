package dev.dovetail.waitlist.app;

import dev.dovetail.booking.app.CustomerDetails;
import dev.dovetail.booking.app.ManageTokens;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.Ids;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.booking.domain.PaymentRequirement;
import dev.dovetail.booking.domain.Slot;
import dev.dovetail.booking.domain.SlotUnavailableException;
import dev.dovetail.booking.port.in.BookingReceipt;
import dev.dovetail.booking.port.in.ManageBooking;
import dev.dovetail.booking.port.in.ManageCatalog;
import dev.dovetail.booking.port.in.PublicCatalog;
import dev.dovetail.booking.port.in.SlotTakenException;
import dev.dovetail.booking.port.out.ScheduleRepository;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.NotFoundException;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.notification.port.out.OutboxRepository;
import dev.dovetail.waitlist.domain.ClaimWindow;
import dev.dovetail.waitlist.domain.EntryStatus;
import dev.dovetail.waitlist.domain.RecoveredBookings;
import dev.dovetail.waitlist.domain.SlotOffer;
import dev.dovetail.waitlist.domain.WaitlistEntry;
import dev.dovetail.waitlist.domain.WaitlistSettings;
import dev.dovetail.waitlist.port.in.ManageWaitlist;
import dev.dovetail.waitlist.port.in.Waitlist;
import dev.dovetail.waitlist.port.out.WaitlistRepository;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The waitlist use cases, for customers (signed links) and providers (tenant-scoped). Offers are made by {@link
 * Backfill}; this class joins, leaves, claims and manages. A claim confirms the held booking through {@link
 * ManageBooking#confirmHold} (the schedule refuses it once the hold expired), then marks the entry booked with the
 * type's price as the recovered value.
 */
public class WaitlistService implements Waitlist, ManageWaitlist {

  private static final int ALTERNATIVES = 5;
  private static final Duration LOOK_AHEAD = Duration.ofDays(14);

  private final WaitlistRepository entries;
  private final PublicCatalog catalog;
  private final ManageCatalog providerCatalog;
  private final ScheduleRepository schedules;
  private final ManageBooking manage;
  private final Backfill backfill;
  private final OutboxRepository outbox;
  private final WaitlistLinks links;
  private final ManageTokens tokens;
  private final Clock clock;
  private final Consumer<String> matchSoon;
  private final boolean payments;

  /** A waitlist on a hub that takes no payments: types that take payment have no waitlist. */
  public WaitlistService(WaitlistRepository entries, PublicCatalog catalog, ManageCatalog providerCatalog,
      ScheduleRepository schedules, ManageBooking manage, Backfill backfill, OutboxRepository outbox,
      ManageTokens tokens, Clock clock, Consumer<String> matchSoon) {
    this(entries, catalog, providerCatalog, schedules, manage, backfill, outbox, tokens, clock, matchSoon, false);
  }

  /**
   * @param matchSoon asked with a resource id when an entry's slot may pass to the next customer
   * @param payments whether the hub takes card payments: then a claim of a paid type hands the customer the held
   *     booking to pay for (the payment confirms the hold), instead of being refused
   */
  public WaitlistService(WaitlistRepository entries, PublicCatalog catalog, ManageCatalog providerCatalog,
      ScheduleRepository schedules, ManageBooking manage, Backfill backfill, OutboxRepository outbox,
      ManageTokens tokens, Clock clock, Consumer<String> matchSoon, boolean payments) {
    this.payments = payments;
    this.entries = entries;
    this.catalog = catalog;
    this.providerCatalog = providerCatalog;
    this.schedules = schedules;
    this.manage = manage;
    this.backfill = backfill;
    this.outbox = outbox;
    this.links = new WaitlistLinks(tokens);
    this.tokens = tokens;
    this.clock = clock;
    this.matchSoon = matchSoon;
  }

  @Override
  public Future<Joined> join(JoinCommand command) {
    return Future.<Void>succeededFuture()
        .compose(v -> {
          validate(command);
          return catalog.offer(command.bookingTypeId());
        })
        .compose(offer -> settingsOf(offer.type().id()).compose(settings -> {
          if (!settings.enabled()) {
            return Future.failedFuture(new ConflictException("this booking type's waitlist is turned off"));
          }
          requireUnpaid(offer);
          Instant now = clock.instant();
          if (!command.wish().lastStart(command.customerZone()).isAfter(now)) {
            return Future.failedFuture(new InvalidRequestException("the wished time has passed"));
          }
          if (command.wish().searchRange(command.customerZone()).start()
              .isAfter(now.plus(offer.type().horizon()))) {
            return Future.failedFuture(new InvalidRequestException(
                "the wished time is beyond how far ahead this type can be booked (" + offer.type().horizon().toDays()
                    + " days)"));
          }
          WaitlistEntry entry = WaitlistEntry.join(Ids.random(), offer.provider().id(), offer.resource().id(),
              offer.type().id(), command.customerName().strip(), command.customerEmail().strip(),
              command.customerZone(), command.wish(), now).in(command.language());
          if (Backfill.matchingSlots(offer, Backfill.emptySchedules(offer), entry, now).isEmpty()) {
            // Closed then (opening hours, a closed day, the notice): no cancellation could ever free such a slot.
            return Future.failedFuture(new InvalidRequestException("this booking type offers no time matching your "
                + "wish, even on an empty calendar (it is closed then): the waitlist is for times that are fully "
                + "booked"));
          }
          return Backfill.memberSchedules(schedules, offer).compose(members -> {
            List<Slot> free = Backfill.matchingSlots(offer, members, entry, now);
            if (!free.isEmpty()) {
              return Future.failedFuture(new SlotTakenException(new SlotUnavailableException(
                  "slots matching your wish are free now: book one of them instead", List.of()),
                  free.subList(0, Math.min(ALTERNATIVES, free.size()))));
            }
            return entries.insert(entry)
                .compose(v -> outbox.record(List.of(WaitlistMail.joined(entry, now))))
                .map(v -> new Joined(entry, links.leaveToken(entry.id())));
          });
        }));
  }

  @Override
  public Future<WaitlistEntry> leave(String leaveToken) {
    return links.entryOf(leaveToken)
        .map(entries::findById)
        .orElseGet(() -> Future.succeededFuture(Optional.empty()))
        .compose(found -> found
            .map(entry -> entry.status() == EntryStatus.LEFT
                ? Future.succeededFuture(entry)
                : takeOff(entry, entry.left(clock.instant())))
            .orElseGet(() -> Future.failedFuture(new NotFoundException("waitlist entry", "(unknown leave link)"))));
  }

  @Override
  public Future<HeldOffer> offerOf(String claimToken) {
    WaitlistLinks.Claim claim = links.claimOf(claimToken).orElse(null);
    if (claim == null) {
      return Future.failedFuture(new NotFoundException("waitlist offer", "(unknown claim link)"));
    }
    return entries.findById(claim.entryId()).compose(found -> {
      WaitlistEntry entry = found.orElse(null);
      SlotOffer offer = entry == null ? null : entry.offer();
      if (offer == null || !offer.bookingId().equals(claim.heldBookingId())) {
        // The link's offer was withdrawn or passed on: nothing of it to show.
        return Future.failedFuture(new NotFoundException("waitlist offer", "(this offer is no longer held)"));
      }
      boolean open = entry.status() == EntryStatus.OFFERED && offer.openAt(clock.instant());
      return Future.succeededFuture(new HeldOffer(entry.bookingTypeId(), offer.slot(), offer.expiresAt(),
          entry.customerZone(), open));
    });
  }

  @Override
  public Future<BookingReceipt> claim(String claimToken) {
    WaitlistLinks.Claim claim = links.claimOf(claimToken).orElse(null);
    if (claim == null) {
      return Future.failedFuture(new NotFoundException("waitlist offer", "(unknown claim link)"));
    }
    String heldId = claim.heldBookingId();
    return entries.findById(claim.entryId()).compose(found -> {
      WaitlistEntry entry = found.orElse(null);
      if (entry == null) {
        return Future.failedFuture(new NotFoundException("waitlist offer", "(unknown claim link)"));
      }
      if (entry.status() == EntryStatus.BOOKED && heldId.equals(entry.bookingId())) {
        return receipt(heldId); // claimed before: the same answer again
      }
      Instant now = clock.instant();
      if (entry.status() != EntryStatus.OFFERED || !entry.offer().bookingId().equals(heldId)
          || !entry.offer().openAt(now)) {
        return lapsed(entry, heldId);
      }
      return catalog.offer(entry.bookingTypeId()).compose(offer -> {
        requireUnpaid(offer);
        if (offer.type().payment() != PaymentRequirement.NONE) {
          return claimPaid(entry, heldId, offer);
        }
        return manage.confirmHold(heldId)
            .recover(err -> err instanceof ConflictException ? lapsed(entry, heldId) : Future.failedFuture(err))
            .compose(booking -> markBooked(entry, heldId, offer.type().price()))
            .compose(v -> receipt(heldId));
      });
    });
  }

  /**
   * A paid type: the held booking is the customer's to pay for (its confirmation page shows the payment step, and the
   * payment confirms the hold before the window ends). Once paid, the entry is marked booked here on the next claim
   * call, or by the sweep when the window has ended.
   */
  private Future<BookingReceipt> claimPaid(WaitlistEntry entry, String heldId, PublicCatalog.Offer offer) {
    return receipt(heldId).compose(receipt -> receipt.bookings().get(0).booking().status() == BookingStatus.CONFIRMED
        ? markBooked(entry, heldId, offer.type().price()).map(receipt)
        : Future.succeededFuture(receipt));
  }

  @Override
  public Future<Page<WaitlistEntry>> entries(String providerId, String bookingTypeId, PageRequest page) {
    Future<?> owned = bookingTypeId == null
        ? Future.succeededFuture()
        : providerCatalog.bookingType(providerId, bookingTypeId);
    return owned.compose(v -> entries.listByProvider(providerId, bookingTypeId, page));
  }

  @Override
  public Future<WaitlistEntry> remove(String providerId, String entryId) {
    return owned(providerId, entryId).compose(entry -> takeOff(entry, entry.removed(clock.instant())));
  }

  @Override
  public Future<WaitlistSettings> settings(String providerId, String bookingTypeId) {
    return providerCatalog.bookingType(providerId, bookingTypeId).compose(type -> settingsOf(type.id()));
  }

  @Override
  public Future<WaitlistSettings> updateSettings(String providerId, WaitlistSettings settings) {
    return providerCatalog.bookingType(providerId, settings.bookingTypeId())
        .compose(type -> entries.saveSettings(settings))
        .map(settings);
  }

  @Override
  public Future<WaitlistEntry> offer(String providerId, String entryId, Instant start) {
    if (start == null) {
      return Future.failedFuture(new InvalidRequestException("start is required"));
    }
    return owned(providerId, entryId).compose(entry -> {
      if (entry.status() != EntryStatus.WAITING) {
        return Future.failedFuture(new ConflictException(
            "only a waiting entry can be offered a slot; this one is " + entry.status().name().toLowerCase()));
      }
      return catalog.offer(entry.bookingTypeId()).compose(offer -> settingsOf(offer.type().id()).compose(s -> {
        Duration window = ClaimWindow.forSlot(s.claimWindow(), clock.instant(), start).orElseThrow(() ->
            new InvalidRequestException("the slot starts too soon to give the customer a claim window"));
        return backfill.offer(entry, TimeRange.of(start, offer.type().defaultDuration()), window, true);
      }));
    });
  }

  @Override
  public Future<RecoveredBookings> recovered(String providerId) {
    return entries.recoveredValues(providerId).map(values -> {
      Map<String, Long> byCurrency = new TreeMap<>();
      values.forEach(m -> byCurrency.merge(m.currency(), m.minorUnits(), Long::sum));
      List<Money> sums = new ArrayList<>();
      byCurrency.forEach((currency, units) -> sums.add(new Money(units, currency)));
      return new RecoveredBookings(values.size(), sums);
    });
  }

  private Future<WaitlistEntry> owned(String providerId, String entryId) {
    return entries.findById(entryId).map(found -> found
        .filter(e -> e.providerId().equals(providerId))
        .orElseThrow(() -> new NotFoundException("waitlist entry", entryId)));
  }

  /** Writes the entry off the list; an open offer's hold is cancelled so that its slot passes to the next. */
  private Future<WaitlistEntry> takeOff(WaitlistEntry before, WaitlistEntry after) {
    return entries.update(after).compose(v -> {
      if (before.status() != EntryStatus.OFFERED) {
        return Future.succeededFuture(after);
      }
      return backfill.withdraw(before.providerId(), before.offer().bookingId())
          .onSuccess(x -> matchSoon.accept(before.resourceId()))
          .map(after);
    });
  }

  /** Marks the entry booked, re-reading it if the sweep moved it meanwhile (the confirmed booking is the truth). */
  private Future<Void> markBooked(WaitlistEntry entry, String heldId, Money value) {
    Instant now = clock.instant();
    return entries.update(entry.booked(heldId, value, now)).recover(err -> !(err instanceof ConflictException)
        ? Future.failedFuture(err)
        : entries.findById(entry.id()).compose(found -> {
          WaitlistEntry current = found.orElseThrow();
          return current.status() == EntryStatus.BOOKED
              ? Future.succeededFuture()
              : entries.update(current.booked(heldId, value, now));
        }));
  }

  private Future<BookingReceipt> receipt(String bookingId) {
    return manage.find(tokens.issue(bookingId))
        .map(booking -> new BookingReceipt(List.of(new BookingReceipt.Issued(booking, tokens.issue(bookingId)))));
  }

  /** The offer is gone: a clear answer with the slots free now that fulfil the wish, or the nearest free ones. */
  private <T> Future<T> lapsed(WaitlistEntry entry, String heldId) {
    Instant now = clock.instant();
    TimeRange offered = entry.offer() != null && entry.offer().bookingId().equals(heldId) ? entry.offer().slot() : null;
    return catalog.offer(entry.bookingTypeId()).compose(offer -> Backfill.memberSchedules(schedules, offer)
        .map(members -> {
          List<Slot> slots = Backfill.matchingSlots(offer, members, entry, now);
          if (slots.isEmpty()) {
            Instant from = offered == null ? now : offered.start();
            slots = Backfill.freeSlots(offer, members, offer.type().defaultDuration(), now,
                new TimeRange(from, from.plus(LOOK_AHEAD)));
          }
          return slots.subList(0, Math.min(ALTERNATIVES, slots.size()));
        })).compose(alternatives -> Future.failedFuture(new SlotTakenException(new SlotUnavailableException(
        "this waitlist offer is no longer open: its claim window has passed and the slot went to the next customer"
            + " (or back on sale); here are the slots free now", offered == null ? List.of() : List.of(offered)),
        alternatives)));
  }

  private Future<WaitlistSettings> settingsOf(String typeId) {
    return entries.settings(typeId).map(s -> s.orElse(WaitlistSettings.defaults(typeId)));
  }

  private void requireUnpaid(PublicCatalog.Offer offer) {
    if (!payments && offer.type().payment() != PaymentRequirement.NONE) {
      throw new ConflictException("this booking type takes payment when booking, and this hub takes no card"
          + " payments: its waitlist is closed, please contact the provider");
    }
  }

  private static void validate(JoinCommand command) {
    if (command.wish() == null) {
      throw new InvalidRequestException("wish is required: a date, a date with from and to, or an exact start");
    }
    CustomerDetails.validate(command.customerName(), command.customerEmail(), command.customerZone());
  }
}
