package dev.dovetail.infra.mail;

import dev.dovetail.booking.port.in.PublicCatalog;
import dev.dovetail.kernel.i18n.Language;
import dev.dovetail.kernel.i18n.Messages;
import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.domain.MessageKind;
import dev.dovetail.notification.domain.OutboundMessage;
import dev.dovetail.waitlist.domain.SlotOffer;
import dev.dovetail.waitlist.domain.WaitlistEntry;
import dev.dovetail.waitlist.domain.Wish;
import dev.dovetail.waitlist.port.out.WaitlistMailRenderer;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders the waitlist's mails from Mustache files in {@code mail/} ({@code waitlist-joined.*}, {@code
 * waitlist-offer.*}, same layout and partials as the booking mails): times in the customer's zone with its name, the
 * claim window, the claim link (offers) and the leave link (both). HTML escapes every value. Templates are compiled
 * when the renderer is built, so a broken one stops the hub at start-up. A mail is in the language the customer
 * joined in (ADR 65): German ones from {@code mail/de/}, dates and zone names in its locale, the connecting words from
 * the message catalogue.
 */
public final class TemplateWaitlistMailRenderer implements WaitlistMailRenderer {

  private static final Messages MESSAGES = Messages.catalogue();
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final Map<Language, Map<MessageKind, MailTemplates>> templates = new EnumMap<>(Language.class);

  public TemplateWaitlistMailRenderer() {
    for (Language language : Language.values()) {
      templates.put(language, new EnumMap<>(Map.of(
          MessageKind.WAITLIST_JOINED, MailTemplates.load(MailTemplates.ROOT, language, MessageKind.WAITLIST_JOINED),
          MessageKind.WAITLIST_OFFER, MailTemplates.load(MailTemplates.ROOT, language, MessageKind.WAITLIST_OFFER))));
    }
  }

  @Override
  public MailMessage render(OutboundMessage message, WaitlistEntry entry, PublicCatalog.Offer offer, String claimLink,
      String leaveLink) {
    Language language = entry.language();
    MailTemplates t = templates.get(language).get(message.kind());
    if (t == null) {
      throw new IllegalArgumentException("not a waitlist mail: " + message.kind());
    }
    DateTimeFormatter date = DateTimeFormatter.ofPattern(MESSAGES.get(language, "mail.date"), language.locale());
    ZoneId zone = entry.customerZone();
    Map<String, Object> v = new HashMap<>();
    v.put("customerName", entry.customerName());
    v.put("providerName", offer.provider().displayName());
    v.put("typeName", offer.type().name());
    v.put("resourceName", offer.resource().name());
    v.put("wish", describe(entry.wish(), zone, language));
    v.put("leaveLink", leaveLink);
    ZonedDateTime shown = entry.joinedAt().atZone(zone);
    SlotOffer slot = entry.offer();
    if (slot != null && claimLink != null) {
      ZonedDateTime start = slot.slot().start().atZone(zone);
      ZonedDateTime end = slot.slot().end().atZone(zone);
      ZonedDateTime expires = slot.expiresAt().atZone(zone);
      v.put("date", date.format(start));
      v.put("start", TIME.format(start));
      v.put("end", TIME.format(end) + (end.toLocalDate().equals(start.toLocalDate()) ? ""
          : " " + MESSAGES.get(language, "mail.nextDay")));
      v.put("claimBy", TIME.format(expires) + (expires.toLocalDate().equals(start.toLocalDate())
          ? "" : " " + MESSAGES.get(language, "mail.onDay", Map.of("date", date.format(expires)))));
      v.put("claimMinutes", Math.max(1, Duration.between(message.createdAt(), slot.expiresAt()).toMinutes()));
      v.put("claimLink", claimLink);
      shown = start;
    }
    v.put("timeZone", zone.getId() + " (" + DateTimeFormatter.ofPattern("zzz", language.locale()).format(shown) + ", UTC"
        + shown.getOffset().getId().replace("Z", "+00:00") + ")");
    return t.render(message, v, offer.provider().email(), null, null, null);
  }

  /**
   * "Tuesday 24 November 2026", "Tuesday 24 November 2026, 09:00–11:00", "Tuesday 24 November 2026 at 09:00"; in
   * German "Dienstag, 24. November 2026 um 09:00".
   */
  static String describe(Wish wish, ZoneId zone, Language language) {
    DateTimeFormatter date = DateTimeFormatter.ofPattern(MESSAGES.get(language, "mail.date"), language.locale());
    if (wish.isExactSlot()) {
      ZonedDateTime start = wish.exactStart().atZone(zone);
      return MESSAGES.get(language, "mail.atTime", Map.of("date", date.format(start), "time", TIME.format(start)));
    }
    String day = date.format(wish.date());
    return wish.isWindow() ? day + ", " + TIME.format(wish.from()) + "–" + TIME.format(wish.to()) : day;
  }
}
