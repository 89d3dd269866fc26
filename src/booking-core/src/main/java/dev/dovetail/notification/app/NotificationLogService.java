package dev.dovetail.notification.app;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.booking.port.out.BookingRepository;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.NotFoundException;
import dev.dovetail.notification.domain.DeliveryPolicy;
import dev.dovetail.notification.domain.LogView;
import dev.dovetail.notification.domain.MessageState;
import dev.dovetail.notification.domain.OutboundMessage;
import dev.dovetail.notification.port.in.NotificationLog;
import dev.dovetail.notification.port.out.MailArchive;
import dev.dovetail.notification.port.out.OutboxRepository;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The provider's view of the outbox, and of the local sink's rendered mails; never the content of a mail that is a
 * credential itself ({@link dev.dovetail.notification.domain.MessageKind#carriesSecret()}). Messages are listed with
 * their booking's customer and start (one read of the page's bookings); the schedule leaves out what the
 * {@link DeliveryPolicy} would skip now, so a reminder of a cancelled booking is not shown as going out.
 */
public class NotificationLogService implements NotificationLog {

  private final OutboxRepository outbox;
  private final MailArchive archive;
  private final BookingRepository bookings;
  private final Delivery delivery;
  private final DeliveryPolicy policy;
  private final Clock clock;

  /**
   * @param writeGrace the dispatcher's: how long a message may wait for its booking write before it is skipped
   */
  public NotificationLogService(OutboxRepository outbox, MailArchive archive, BookingRepository bookings,
      Delivery delivery, Duration writeGrace, Clock clock) {
    this.outbox = outbox;
    this.archive = archive;
    this.bookings = bookings;
    this.delivery = delivery;
    this.policy = new DeliveryPolicy(writeGrace);
    this.clock = clock;
  }

  @Override
  public Future<Page<Item>> list(String providerId, LogView view, PageRequest page) {
    return outbox.listByProvider(providerId, view, page).compose(messages -> {
      List<String> ids = messages.items().stream().map(OutboundMessage::bookingId).distinct().toList();
      return bookings.findByIds(ids).map(found -> {
        Map<String, Booking> byId = found.stream()
            .filter(b -> b.providerId().equals(providerId))
            .collect(Collectors.toMap(Booking::id, Function.identity(), (a, b) -> a));
        List<Item> items = messages.items().stream()
            .filter(m -> view != LogView.SCHEDULED || goesOut(m, byId.get(m.bookingId())))
            .map(m -> item(m, byId.get(m.bookingId())))
            .toList();
        return new Page<>(items, messages.nextCursor());
      });
    });
  }

  /** A pending booking message still goes out unless the policy would skip it now; other mail always does. */
  private boolean goesOut(OutboundMessage message, Booking booking) {
    if (message.state() != MessageState.PENDING || !message.kind().aboutBooking()) {
      return true;
    }
    return policy.decide(message, booking, clock.instant()).verdict() != DeliveryPolicy.Verdict.SKIP;
  }

  private static Item item(OutboundMessage message, Booking booking) {
    return booking == null ? new Item(message, null, null)
        : new Item(message, booking.customerName(), booking.time().start());
  }

  @Override
  public Delivery delivery() {
    return delivery;
  }

  @Override
  public Future<Figures> figures(String providerId) {
    return outbox.countByProvider(providerId).map(c -> new Figures(c.get(MessageState.SENT),
        c.get(MessageState.FAILED), c.get(MessageState.PENDING), c.get(MessageState.SKIPPED)));
  }

  @Override
  public Future<Entry> get(String providerId, String messageId) {
    return outbox.findById(messageId)
        .map(found -> found.filter(m -> m.providerId().equals(providerId))
            .orElseThrow(() -> new NotFoundException("notification", messageId)))
        .compose(message -> message.kind().carriesSecret()
            ? Future.succeededFuture(new Entry(message, null))
            : archive.find(message.id()).map(content -> new Entry(message, content.orElse(null))));
  }

  @Override
  public Future<OutboundMessage> resendConfirmation(String providerId, String bookingId) {
    return bookings.findById(bookingId).compose(found -> {
      Booking booking = found.filter(b -> b.providerId().equals(providerId))
          .orElseThrow(() -> new NotFoundException("booking", bookingId));
      if (booking.status() != BookingStatus.CONFIRMED) {
        return Future.failedFuture(new ConflictException("only a confirmed booking has a confirmation to resend; this"
            + " one is " + booking.status().name().toLowerCase()));
      }
      OutboundMessage again = OutboundMessage.resentConfirmation(providerId, booking.id(), booking.revision(),
          booking.customerEmail(), clock.instant());
      return outbox.record(List.of(again)).compose(v -> outbox.findById(again.id()))
          .map(stored -> stored.orElse(again));
    });
  }
}
