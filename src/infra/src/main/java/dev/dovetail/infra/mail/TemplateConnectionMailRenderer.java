package dev.dovetail.infra.mail;

import dev.dovetail.booking.domain.Provider;
import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.domain.MessageKind;
import dev.dovetail.notification.domain.OutboundMessage;
import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.Connection;
import dev.dovetail.sync.port.out.ConnectionMailRenderer;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the broken-connection mail from {@code mail/provider-calendar-broken.*} (same layout and partials as the
 * booking mails): which account of which service, why in plain words (with the service's own answer as a detail),
 * what it means for bookings, and the reconnect link; times in the provider's zone. HTML escapes every value.
 * Templates are compiled when the renderer is built, so a broken one stops the hub at start-up.
 */
public final class TemplateConnectionMailRenderer implements ConnectionMailRenderer {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

  private final MailTemplates templates = MailTemplates.load(MessageKind.PROVIDER_CALENDAR_BROKEN);

  @Override
  public MailMessage render(OutboundMessage message, Connection broken, Provider provider, String reconnectLink) {
    if (message.kind() != MessageKind.PROVIDER_CALENDAR_BROKEN) {
      throw new IllegalArgumentException("not a broken-connection mail: " + message.kind());
    }
    ZonedDateTime since = broken.updatedAt().atZone(provider.zone());
    Map<String, Object> v = new HashMap<>();
    v.put("providerName", provider.displayName());
    v.put("service", serviceName(broken.provider()));
    v.put("account", broken.account());
    v.put("why", why(broken.provider()));
    v.put("reason", broken.brokenReason() == null ? "no details given" : broken.brokenReason());
    v.put("brokenAt", WHEN.format(since));
    v.put("timeZone", provider.zone().getId() + " (" + ZONE_NAME.format(since) + ", UTC"
        + since.getOffset().getId().replace("Z", "+00:00") + ")");
    v.put("reconnectLink", reconnectLink);
    return templates.render(message, v);
  }

  static String serviceName(CalendarProvider service) {
    return switch (service) {
      case GOOGLE -> "Google Calendar";
      case OUTLOOK -> "Outlook calendar";
    };
  }

  /** The plain-words cause: the only way a connection breaks is a grant the service no longer honours. */
  static String why(CalendarProvider service) {
    String account = service == CalendarProvider.GOOGLE ? "Google Account" : "Microsoft account";
    return "The permission you gave Dovetail was withdrawn or has expired: for example, access was removed in your "
        + account + " settings, the password was changed, or an administrator revoked it.";
  }
}
