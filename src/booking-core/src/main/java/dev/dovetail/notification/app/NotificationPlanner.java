package dev.dovetail.notification.app;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.port.in.PublicCatalog;
import dev.dovetail.booking.port.in.PublicCatalog.Offer;
import dev.dovetail.booking.port.out.Acknowledged;
import dev.dovetail.booking.port.out.BookingChange;
import dev.dovetail.booking.port.out.BookingEvents;
import dev.dovetail.kernel.NotFoundException;
import dev.dovetail.notification.domain.MessageKind;
import dev.dovetail.notification.domain.OutboundMessage;
import dev.dovetail.notification.port.out.OutboxRepository;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns booking changes into the mail they owe, recorded in the outbox before the booking is written (the use cases
 * call {@link #record} first). Ids are derived from booking, sequence and kind, so recording a change twice stores
 * nothing new. What is owed:
 *
 * <ul>
 *   <li>booked confirmed, or a hold confirmed: confirmation to the customer, a new-booking notice to the provider,
 *       and a reminder at the start minus each of the type's reminder leads that lies ahead (a booking made less than
 *       24 h ahead gets no 24-hour reminder: never sent late). A hold gets nothing until it is confirmed;
 *   <li>rescheduled: a reschedule notice (its .ics carries the new SEQUENCE) and new reminders; the old reminders
 *       belong to the old sequence and are skipped when due;
 *   <li>cancelled (after being confirmed): a cancellation to the customer, and a notice to the provider when the
 *       customer cancelled. Pending reminders are skipped when due, since the booking is no longer confirmed.
 * </ul>
 *
 * Whether a message still applies is decided again when it is due ({@link dev.dovetail.notification.domain
 * .DeliveryPolicy}), because a recorded change's booking write may have failed.
 */
public class NotificationPlanner implements BookingEvents {

  private final PublicCatalog catalog;
  private final OutboxRepository outbox;
  private final Clock clock;
  private final Runnable onRecorded;
  private final LeasedMessages leased;

  /**
   * @param onRecorded called after messages were recorded (e.g. to run the dispatcher soon); may do nothing
   */
  public NotificationPlanner(PublicCatalog catalog, OutboxRepository outbox, Clock clock, Runnable onRecorded) {
    this(catalog, outbox, clock, onRecorded, null);
  }

  /**
   * As above; the messages due at once are recorded with the lease of {@code dispatcher}'s node and handed to it in
   * memory, so that it sends them without claiming them first (ADR 85).
   */
  public NotificationPlanner(PublicCatalog catalog, OutboxRepository outbox, Clock clock, Runnable onRecorded,
      OutboxDispatcher dispatcher) {
    this.catalog = catalog;
    this.outbox = outbox;
    this.clock = clock;
    this.onRecorded = onRecorded;
    this.leased = dispatcher == null ? null : dispatcher.leased();
  }

  public NotificationPlanner(PublicCatalog catalog, OutboxRepository outbox, Clock clock) {
    this(catalog, outbox, clock, () -> {});
  }

  @Override
  public Future<Void> record(List<BookingChange> changes) {
    return recordAcknowledged(changes).compose(Acknowledged::durable);
  }

  /** The messages owed, acknowledged by the outbox; {@code onRecorded} runs once they are durable. */
  @Override
  public Future<Acknowledged> recordAcknowledged(List<BookingChange> changes) {
    Instant now = clock.instant();
    Set<String> typeIds = new LinkedHashSet<>();
    changes.forEach(c -> typeIds.add(c.booking().bookingTypeId()));
    Map<String, Future<Optional<Offer>>> offers = new HashMap<>();
    typeIds.forEach(id -> offers.put(id, offerOf(id)));
    Future<?> loaded = Future.all(List.copyOf(offers.values()));
    return loaded
        .compose(all -> {
          List<OutboundMessage> messages = new ArrayList<>();
          for (BookingChange change : changes) {
            Optional<Offer> offer = offers.get(change.booking().bookingTypeId()).result();
            messages.addAll(plan(change, offer, now));
          }
          if (messages.isEmpty()) {
            return Future.succeededFuture(Acknowledged.DURABLE);
          }
          List<OutboundMessage> recorded = leased == null ? messages : leasedIfDue(messages, now);
          return outbox.recordAcknowledged(recorded).map(stored -> Acknowledged.by(outbox.durability(), () -> {
            if (leased != null) {
              leased.handOver(stored);
            }
            onRecorded.run();
          }));
        });
  }

  /** The messages due at {@code now} with this node's lease, while its dispatcher has room for them. */
  private List<OutboundMessage> leasedIfDue(List<OutboundMessage> messages, Instant now) {
    int due = (int) messages.stream().filter(m -> m.claimableAt(now)).count();
    return messages.stream().map(m -> m.claimableAt(now) ? leased.leaseIfRoom(m, due, now) : m).toList();
  }

  /** The offer, or empty if the booking type, resource or provider is gone (then no provider notices are owed). */
  private Future<Optional<Offer>> offerOf(String bookingTypeId) {
    return catalog.offer(bookingTypeId).map(Optional::of)
        .recover(err -> err instanceof NotFoundException
            ? Future.succeededFuture(Optional.empty())
            : Future.failedFuture(err));
  }

  /** The messages one change owes; pure apart from its arguments. */
  public static List<OutboundMessage> plan(BookingChange change, Optional<Offer> offer, Instant now) {
    Booking booking = change.booking();
    List<OutboundMessage> messages = new ArrayList<>();
    switch (change.kind()) {
      case BOOKED, CONFIRMED -> {
        if (booking.status() == BookingStatus.CONFIRMED) {
          messages.add(customer(booking, MessageKind.CONFIRMATION, now));
          offer.ifPresent(o -> messages.add(provider(booking, o, MessageKind.PROVIDER_NEW_BOOKING, now)));
          messages.addAll(reminders(booking, offer, now));
        }
      }
      case RESCHEDULED -> {
        if (booking.status() == BookingStatus.CONFIRMED) {
          messages.add(customer(booking, MessageKind.RESCHEDULE, now));
          messages.addAll(reminders(booking, offer, now));
        }
      }
      case CANCELLED -> {
        Booking before = change.previous();
        if (before == null || before.status() == BookingStatus.CONFIRMED) {
          messages.add(customer(booking, MessageKind.CANCELLATION, now).withNote(change.note()));
          if (change.actor() == BookingChange.Actor.CUSTOMER) {
            offer.ifPresent(o -> messages.add(provider(booking, o, MessageKind.PROVIDER_CANCELLATION, now)));
          }
        }
      }
      case EXPIRED -> {
        // a hold that ran out was never confirmed to the customer: nothing to tell
      }
      default -> throw new IllegalStateException("unknown change " + change.kind());
    }
    return messages;
  }

  private static List<OutboundMessage> reminders(Booking booking, Optional<Offer> offer, Instant now) {
    List<Duration> leads = offer.map(o -> o.type().reminders()).orElse(BookingType.DEFAULT_REMINDERS);
    List<OutboundMessage> reminders = new ArrayList<>();
    for (Duration lead : leads) {
      Instant due = booking.time().start().minus(lead);
      if (!due.isBefore(now)) {
        reminders.add(OutboundMessage.pending(booking.providerId(), booking.id(), booking.revision(),
            MessageKind.REMINDER, lead, booking.customerEmail(), due, now));
      }
    }
    return reminders;
  }

  private static OutboundMessage customer(Booking booking, MessageKind kind, Instant now) {
    return OutboundMessage.pending(booking.providerId(), booking.id(), booking.revision(), kind, null,
        booking.customerEmail(), now, now);
  }

  private static OutboundMessage provider(Booking booking, Offer offer, MessageKind kind, Instant now) {
    return OutboundMessage.pending(booking.providerId(), booking.id(), booking.revision(), kind, null,
        offer.provider().email(), now, now);
  }
}
