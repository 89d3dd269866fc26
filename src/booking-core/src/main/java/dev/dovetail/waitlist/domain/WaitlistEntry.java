package dev.dovetail.waitlist.domain;

import dev.dovetail.booking.domain.Ids;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.kernel.i18n.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One customer waiting for a booking type, in join order ({@code joinedAt}, then id). At most one offer is open at a
 * time. Slots the customer let pass are remembered in {@code passed} (their starts, at most {@link #MAX_PASSED}) so
 * they are not offered the same slot again. {@code recovered} is the type's price when the customer claimed.
 * {@code language} is the one the customer joined in (the booking page's): their waitlist mails and pages are written
 * in it (ADR 62, ADR 65).
 * {@code revision} counts changes; the repository writes an entry only over the revision it was read at.
 */
public record WaitlistEntry(
    String id,
    String providerId,
    String resourceId,
    String bookingTypeId,
    String customerName,
    String customerEmail,
    ZoneId customerZone,
    Language language,
    Wish wish,
    EntryStatus status,
    SlotOffer offer,
    List<Instant> passed,
    Money recovered,
    String bookingId,
    Instant joinedAt,
    Instant updatedAt,
    int revision) {

  public static final int MAX_PASSED = 50;

  public WaitlistEntry {
    Ids.requireSlug(id, "waitlist entry id");
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(bookingTypeId, "bookingTypeId");
    Objects.requireNonNull(customerName, "customerName");
    Objects.requireNonNull(customerEmail, "customerEmail");
    Objects.requireNonNull(customerZone, "customerZone");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(wish, "wish");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(joinedAt, "joinedAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    passed = List.copyOf(passed);
    if ((status == EntryStatus.OFFERED) != (offer != null)) {
      throw new IllegalArgumentException("an offered entry, and only it, has an open offer");
    }
  }

  /** A new entry, waiting, in English; {@link #in} gives it the customer's language before it is stored. */
  public static WaitlistEntry join(String id, String providerId, String resourceId, String bookingTypeId,
      String customerName, String customerEmail, ZoneId customerZone, Wish wish, Instant now) {
    return new WaitlistEntry(id, providerId, resourceId, bookingTypeId, customerName, customerEmail, customerZone,
        Language.EN, wish, EntryStatus.WAITING, null, List.of(), null, null, now, now, 0);
  }

  /** This entry in {@code newLanguage}, same revision: for a new entry, before it is stored. */
  public WaitlistEntry in(Language newLanguage) {
    return new WaitlistEntry(id, providerId, resourceId, bookingTypeId, customerName, customerEmail, customerZone,
        newLanguage, wish, status, offer, passed, recovered, bookingId, joinedAt, updatedAt, revision);
  }

  /** Whether this entry may be offered {@code slot}: waiting, the wish matches, and the slot was not let pass. */
  public boolean wants(TimeRange slot) {
    return status == EntryStatus.WAITING && wishes(slot);
  }

  /** Whether the wish matches {@code slot} and the customer did not let it pass, whatever the status. */
  public boolean wishes(TimeRange slot) {
    return !passed.contains(slot.start()) && wish.matches(slot, customerZone);
  }

  public WaitlistEntry offered(SlotOffer newOffer, Instant now) {
    require(EntryStatus.WAITING, "offered a slot");
    return with(EntryStatus.OFFERED, newOffer, passed, null, null, now);
  }

  /** The open offer ran out (or was withdrawn): waiting again, without that slot. */
  public WaitlistEntry lapsed(Instant now) {
    require(EntryStatus.OFFERED, "let an offer pass");
    List<Instant> next = new ArrayList<>(passed);
    next.add(offer.slot().start());
    while (next.size() > MAX_PASSED) {
      next.remove(0);
    }
    return with(EntryStatus.WAITING, null, next, null, null, now);
  }

  /**
   * The customer claimed the offer held as {@code heldBookingId}. Allowed from WAITING too: a claim confirmed just
   * before the window closed wins over a sweep that lapsed the entry a moment later (the confirmed booking is the truth).
   */
  public WaitlistEntry booked(String heldBookingId, Money value, Instant now) {
    if (!status.isOnList()) {
      throw new ConflictException("cannot claim an offer: the waitlist entry is " + status.name().toLowerCase());
    }
    return with(EntryStatus.BOOKED, null, passed, value, heldBookingId, now);
  }

  public WaitlistEntry left(Instant now) {
    return off(EntryStatus.LEFT, now);
  }

  public WaitlistEntry removed(Instant now) {
    return off(EntryStatus.REMOVED, now);
  }

  /** The wished time has passed: off the list, so sweeps stop looking at it. */
  public WaitlistEntry expired(Instant now) {
    require(EntryStatus.WAITING, "expire");
    return with(EntryStatus.EXPIRED, null, passed, null, null, now);
  }

  /** Whether no slot fulfilling the wish can start at or after {@code now} any more. */
  public boolean wishPassedAt(Instant now) {
    return !wish.lastStart(customerZone).isAfter(now);
  }

  private WaitlistEntry off(EntryStatus next, Instant now) {
    if (!status.isOnList()) {
      throw new ConflictException("the waitlist entry is already " + status.name().toLowerCase());
    }
    return with(next, null, passed, null, null, now);
  }

  private void require(EntryStatus expected, String action) {
    if (status != expected) {
      throw new ConflictException("cannot " + action + ": the waitlist entry is " + status.name().toLowerCase());
    }
  }

  private WaitlistEntry with(EntryStatus newStatus, SlotOffer newOffer, List<Instant> newPassed, Money value,
      String booking, Instant now) {
    return new WaitlistEntry(id, providerId, resourceId, bookingTypeId, customerName, customerEmail, customerZone,
        language, wish, newStatus, newOffer, newPassed, value, booking, joinedAt, now, revision + 1);
  }
}
