package dev.dovetail.infra.mail;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BrandColour;
import dev.dovetail.booking.domain.CancellationPolicyText;
import dev.dovetail.booking.domain.LogoRef;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.domain.TypeLocation;
import dev.dovetail.kernel.i18n.Language;
import dev.dovetail.kernel.i18n.Messages;
import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.domain.MessageContext;
import dev.dovetail.notification.domain.MessageKind;
import dev.dovetail.notification.port.out.MessageRenderer;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders mails from Mustache templates in files on the class path ({@code mail/<kind>.subject.txt}, {@code
 * mail/<kind>.txt}, {@code mail/<kind>.html}, partials {@code mail/_<name>.html}; kinds in lower case with dashes,
 * e.g. {@code provider-new-booking}; loaded by {@link MailTemplates}). HTML templates escape every value; text templates and subjects do not, and a
 * subject is one line. Times are shown in the recipient's zone (the customer's own, the resource's for the provider),
 * with the zone's name. Customer mails carry the signed manage link; confirmations and reschedules an .ics REQUEST,
 * cancellations an .ics CANCEL. All templates are compiled when the renderer is built, so a missing or broken one
 * stops the hub at start-up rather than a mail later. A customer's mail is written in the language they booked in
 * (ADR 62): German ones from {@code <root>de/}, with dates, durations and labels from the message catalogue;
 * provider mails stay English.
 */
public final class TemplateMessageRenderer implements MessageRenderer {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
  private static final Messages MESSAGES = Messages.catalogue();

  /** The hub's own header colours, when the provider chose none. */
  static final BrandColour HUB_COLOUR = new BrandColour("#1d4ed8");
  /** The logo's height in the mail's header, in CSS pixels. */
  static final int LOGO_HEIGHT = 40;

  private final String root;
  private final String publicUrl;
  private final Map<MessageKind, MailTemplates> templates = new EnumMap<>(MessageKind.class);
  /** The customer mails in German. */
  private final Map<MessageKind, MailTemplates> german = new EnumMap<>(MessageKind.class);

  /** Templates from {@code mail/} on the class path; mails carry no logo (no public URL to link it from). */
  public TemplateMessageRenderer() {
    this(MailTemplates.ROOT);
  }

  /** Templates from the class-path folder {@code root} (ending in '/'), without logos. */
  public TemplateMessageRenderer(String root) {
    this(root, null);
  }

  /**
   * Templates from {@code root}; a provider's logo is linked from the hub at {@code publicUrl} (no trailing slash), so
   * the mail fetches nothing from any other host (ADR 57). A null {@code publicUrl}: no logo.
   */
  public TemplateMessageRenderer(String root, String publicUrl) {
    this.root = root;
    this.publicUrl = publicUrl;
    for (MessageKind kind : MessageKind.values()) {
      if (kind.aboutBooking()) { // the others have renderers of their own (waitlist, password, ... mails)
        templates.put(kind, MailTemplates.load(root, kind));
        if (kind.audience() == MessageKind.Audience.CUSTOMER) {
          german.put(kind, MailTemplates.load(root, Language.DE, kind));
        }
      }
    }
  }

  @Override
  public MailMessage render(MessageContext context) {
    MessageKind kind = context.message().kind();
    if (!templates.containsKey(kind)) {
      throw new IllegalArgumentException("not a booking mail: " + kind);
    }
    boolean toCustomer = kind.audience() == MessageKind.Audience.CUSTOMER;
    Language language = toCustomer ? context.booking().language() : Language.EN;
    MailTemplates t = language == Language.DE ? german.get(kind) : templates.get(kind);
    String method = switch (kind) {
      case CONFIRMATION, RESCHEDULE -> IcsWriter.REQUEST;
      case CANCELLATION -> IcsWriter.CANCEL;
      default -> null;
    };
    String ics = method == null ? null : IcsWriter.write(method, context.booking(), context.provider(),
        resourceNames(context), context.type(), icsDescription(context, kind, language));
    return t.render(context.message(), values(context, language), toCustomer ? context.provider().email() : null, ics, method,
        toCustomer ? context.provider().displayName() : null);
  }

  private Map<String, Object> values(MessageContext c, Language language) {
    Locale locale = language.locale();
    Booking b = c.booking();
    ZoneId zone = c.recipientZone();
    ZonedDateTime start = b.time().start().atZone(zone);
    ZonedDateTime end = b.time().end().atZone(zone);
    Map<String, Object> v = new HashMap<>();
    v.put("customerName", b.customerName());
    v.put("customerEmail", b.customerEmail());
    v.put("providerName", c.provider().displayName());
    v.put("providerEmail", c.provider().email());
    v.put("typeName", c.type().name());
    v.put("resourceName", resourceNames(c));
    v.put("bookingId", b.id());
    v.put("date", DateTimeFormatter.ofPattern(MESSAGES.get(language, "mail.date"), locale).format(start));
    v.put("start", TIME.format(start));
    v.put("end", TIME.format(end) + (end.toLocalDate().equals(start.toLocalDate()) ? ""
        : " " + MESSAGES.get(language, "mail.nextDay")));
    // The zone's short name at that instant: CET or CEST, EST or EDT (MEZ or MESZ in German).
    v.put("timeZone", zone.getId() + " (" + DateTimeFormatter.ofPattern("zzz", locale).format(start) + ", UTC"
        + start.getOffset().getId().replace("Z", "+00:00") + ")");
    v.put("durationMinutes", b.time().length().toMinutes());
    v.put("manageLink", c.manageLink());
    v.put("hasNote", c.message().note() != null);
    v.put("note", c.message().note() == null ? "" : c.message().note());
    Duration lead = c.message().reminderLead();
    v.put("reminderLead", lead == null ? "" : humane(lead, language));
    putDetails(v, c, language);
    v.put("hasReason", b.cancellationReason() != null);
    v.put("reason", b.cancellationReason() == null ? "" : b.cancellationReason());
    v.put("hasPolicy", CancellationPolicyText.worthSaying(c.type()));
    v.put("policyText", CancellationPolicyText.of(c.type(), language));
    putBrand(v, c.provider());
    return v;
  }

  /** The header band of a customer's mail: the provider's colour and readable text colour, and its logo (ADR 57). */
  private void putBrand(Map<String, Object> v, Provider provider) {
    BrandColour colour = provider.brand().colour() == null ? HUB_COLOUR : provider.brand().colour();
    v.put("brandColour", colour.hex());
    v.put("brandTextColour", colour.textColour());
    LogoRef logo = provider.brand().logo();
    v.put("hasLogo", logo != null && publicUrl != null);
    if (logo != null && publicUrl != null) {
      v.put("logoUrl", publicUrl + logo.path(provider.id()));
      v.put("logoHeight", LOGO_HEIGHT);
      v.put("logoWidth", Math.max(1, Math.round((float) LOGO_HEIGHT * logo.width() / logo.height())));
    }
  }

  /**
   * The type's location ({@code hasLocation}, {@code locationLabel}, {@code locationValue}, {@code isVideo}, and the
   * padded {@code locationLine} of text mails) and the customer's answers ({@code hasAnswers}, {@code answers}: each
   * {@code question} and {@code answer}), ADR 49.
   */
  private static void putDetails(Map<String, Object> v, MessageContext c, Language language) {
    TypeLocation location = c.type().details().location();
    v.put("hasLocation", location != null);
    if (location != null) {
      String label = locationLabel(location, language);
      v.put("locationLabel", label);
      v.put("locationValue", location.value());
      v.put("isVideo", location.kind() == TypeLocation.Kind.VIDEO);
      v.put("locationLine", String.format("%-12s%s", label + ":", location.value()));
    }
    List<Map<String, String>> answers = c.booking().answers().stream()
        .map(a -> Map.of("question", a.question(), "answer", a.value())).toList();
    v.put("hasAnswers", !answers.isEmpty());
    v.put("answers", answers);
    v.put("answersHeading", c.message().kind().audience() == MessageKind.Audience.CUSTOMER
        ? MESSAGES.get(language, "mail.answers") : "Answers");
  }

  /** "Address", "Phone" or "Video call": how mails and the .ics name a type's location. */
  static String locationLabel(TypeLocation location) {
    return locationLabel(location, Language.EN);
  }

  /** {@link #locationLabel(TypeLocation)} in {@code language}. */
  static String locationLabel(TypeLocation location, Language language) {
    return MESSAGES.get(language, switch (location.kind()) {
      case ADDRESS -> "location.address";
      case PHONE -> "location.phone";
      case VIDEO -> "location.video";
    });
  }

  /** Every resource the booking blocks (each member of an ALL pool, ADR 43), by name. */
  private static String resourceNames(MessageContext c) {
    return String.join(", ", c.resources().stream().map(Resource::name).toList());
  }

  private static String icsDescription(MessageContext c, MessageKind kind, Language language) {
    Map<String, String> values = Map.of("providerName", c.provider().displayName(), "manageLink",
        String.valueOf(c.manageLink()));
    return MESSAGES.get(language, kind == MessageKind.CANCELLATION ? "mail.ics.cancelled" : "mail.ics.booking", values);
  }

  /** "24 hours", "1 hour", "30 minutes", "1 hour 30 minutes", "3 days" (whole days from 3 days on). */
  static String humane(Duration d) {
    return humane(d, Language.EN);
  }

  /** {@link #humane(Duration)} in {@code language}: "24 Stunden", "1 Stunde 30 Minuten", "3 Tage". */
  static String humane(Duration d, Language language) {
    long days = d.toDays();
    long hours = d.toHoursPart();
    long minutes = d.toMinutesPart();
    StringBuilder s = new StringBuilder();
    if (days >= 3 && hours == 0 && minutes == 0) {
      return MESSAGES.get(language, "duration.days", Map.of("count", days));
    }
    long totalHours = d.toHours();
    if (totalHours > 0) {
      s.append(totalHours == 1 ? MESSAGES.get(language, "duration.hour")
          : MESSAGES.get(language, "duration.hours", Map.of("count", totalHours)));
    }
    if (minutes > 0) {
      s.append(s.length() > 0 ? " " : "").append(minutes == 1 ? MESSAGES.get(language, "duration.minute")
          : MESSAGES.get(language, "duration.minutes", Map.of("count", minutes)));
    }
    return s.length() == 0 ? MESSAGES.get(language, "duration.moment") : s.toString();
  }

  @Override
  public String toString() {
    return "TemplateMessageRenderer(" + root + ")";
  }
}
