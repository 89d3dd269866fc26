package dev.dovetail.waitlist.app;

import dev.dovetail.booking.port.in.PublicCatalog;
import dev.dovetail.kernel.NotFoundException;
import dev.dovetail.kernel.i18n.Language;
import dev.dovetail.notification.domain.DeliveryException;
import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.domain.MessageKind;
import dev.dovetail.notification.domain.OutboundMessage;
import dev.dovetail.notification.port.out.MessageComposer;
import dev.dovetail.waitlist.domain.EntryStatus;
import dev.dovetail.waitlist.domain.WaitlistEntry;
import dev.dovetail.waitlist.port.out.WaitlistMailRenderer;
import dev.dovetail.waitlist.port.out.WaitlistRepository;
import io.vertx.core.Future;
import java.time.Instant;

/**
 * The waitlist's mails, sent through the notification outbox: the join confirmation (subject: the entry) and the
 * offer (subject: the held booking, so each offer has its own message id). Decided at send time from the entry as it
 * is then: a join confirmation is skipped if the customer already left; an offer is sent only while it is open. The
 * links of an entry in another language than English carry {@code ?lang=}, so the pages open in it (ADR 65).
 */
public final class WaitlistMail implements MessageComposer {

  private final WaitlistRepository entries;
  private final PublicCatalog catalog;
  private final WaitlistMailRenderer renderer;
  private final WaitlistLinks links;
  private final String baseUrl;

  /** @param baseUrl the hub's public URL; links are {@code <baseUrl>/waitlist/claim/<token>} and {@code .../leave/} */
  public WaitlistMail(WaitlistRepository entries, PublicCatalog catalog, WaitlistMailRenderer renderer,
      WaitlistLinks links, String baseUrl) {
    this.entries = entries;
    this.catalog = catalog;
    this.renderer = renderer;
    this.links = links;
    this.baseUrl = baseUrl.replaceAll("/+$", "");
  }

  static OutboundMessage joined(WaitlistEntry entry, Instant now) {
    return OutboundMessage.pending(entry.providerId(), entry.id(), 0, MessageKind.WAITLIST_JOINED, null,
        entry.customerEmail(), now, now);
  }

  static OutboundMessage offer(WaitlistEntry entry, Instant now) {
    return OutboundMessage.pending(entry.providerId(), entry.offer().bookingId(), 0, MessageKind.WAITLIST_OFFER, null,
        entry.customerEmail(), now, now);
  }

  public String claimLink(String entryId, String heldBookingId) {
    return baseUrl + "/waitlist/claim/" + links.claimToken(entryId, heldBookingId);
  }

  public String leaveLink(String entryId) {
    return baseUrl + "/waitlist/leave/" + links.leaveToken(entryId);
  }

  /** {@code link} opening its page in {@code language}: English is every page's default, so it needs nothing. */
  static String inLanguage(String link, Language language) {
    return language == Language.EN ? link : link + "?lang=" + language.tag();
  }

  @Override
  public Future<Composition> compose(OutboundMessage message, Instant now) {
    return switch (message.kind()) {
      case WAITLIST_JOINED -> entries.findById(message.bookingId()).compose(found -> found
          .filter(e -> e.status().isOnList())
          .map(e -> render(message, e, null))
          .orElseGet(() -> Future.succeededFuture(Composition.skip("the customer is no longer on the waitlist"))));
      case WAITLIST_OFFER -> entries.findByOfferedBooking(message.bookingId()).compose(found -> found
          .filter(e -> e.status() == EntryStatus.OFFERED && e.offer().bookingId().equals(message.bookingId()))
          .filter(e -> e.offer().openAt(now))
          .map(e -> render(message, e, inLanguage(claimLink(e.id(), e.offer().bookingId()), e.language())))
          .orElseGet(() -> Future.succeededFuture(Composition.skip("the offer is no longer open"))));
      default -> Future.succeededFuture(Composition.skip("not a waitlist message: " + message.kind()));
    };
  }

  private Future<Composition> render(OutboundMessage message, WaitlistEntry entry, String claimLink) {
    return catalog.offer(entry.bookingTypeId())
        .recover(err -> Future.failedFuture(err instanceof NotFoundException
            ? new DeliveryException("cannot render: " + err.getMessage(), true, err)
            : err))
        .map(offer -> {
          MailMessage mail;
          try {
            mail = renderer.render(message, entry, offer, claimLink, inLanguage(leaveLink(entry.id()),
                entry.language()));
          } catch (RuntimeException e) {
            throw new DeliveryException("cannot render: " + e, true, e);
          }
          return Composition.send(mail);
        });
  }
}
