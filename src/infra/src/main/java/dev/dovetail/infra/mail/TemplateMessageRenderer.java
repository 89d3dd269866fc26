package dev.dovetail.infra.mail;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.domain.TypeLocation;
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
 * stops the hub at start-up rather than a mail later.
 */
public final class TemplateMessageRenderer implements MessageRenderer {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
  /** The zone's short name at that instant: CET or CEST, EST or EDT. */
  private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

  private final String root;
  private final Map<MessageKind, MailTemplates> templates = new EnumMap<>(MessageKind.class);

  /** Templates from {@code mail/} on the class path. */
  public TemplateMessageRenderer() {
    this(MailTemplates.ROOT);
  }

  /** Templates from the class-path folder {@code root} (ending in '/'). */
  public TemplateMessageRenderer(String root) {
    this.root = root;
    for (MessageKind kind : MessageKind.values()) {
      if (kind.aboutBooking()) { // the others have renderers of their own (waitlist, password, ... mails)
        templates.put(kind, MailTemplates.load(root, kind));
      }
    }
  }

  @Override
  public MailMessage render(MessageContext context) {
    MessageKind kind = context.message().kind();
    MailTemplates t = templates.get(kind);
    if (t == null) {
      throw new IllegalArgumentException("not a booking mail: " + kind);
    }
    String method = switch (kind) {
      case CONFIRMATION, RESCHEDULE -> IcsWriter.REQUEST;
      case CANCELLATION -> IcsWriter.CANCEL;
      default -> null;
    };
    String ics = method == null ? null : IcsWriter.write(method, context.booking(), context.provider(),
        resourceNames(context), context.type(), icsDescription(context, kind));
    boolean toCustomer = kind.audience() == MessageKind.Audience.CUSTOMER;
    return t.render(context.message(), values(context), toCustomer ? context.provider().email() : null, ics, method);
  }

  private static Map<String, Object> values(MessageContext c) {
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
    v.put("date", DATE.format(start));
    v.put("start", TIME.format(start));
    v.put("end", TIME.format(end) + (end.toLocalDate().equals(start.toLocalDate()) ? "" : " (next day)"));
    v.put("timeZone", zone.getId() + " (" + ZONE_NAME.format(start) + ", UTC"
        + start.getOffset().getId().replace("Z", "+00:00") + ")");
    v.put("durationMinutes", b.time().length().toMinutes());
    v.put("manageLink", c.manageLink());
    v.put("hasNote", c.message().note() != null);
    v.put("note", c.message().note() == null ? "" : c.message().note());
    Duration lead = c.message().reminderLead();
    v.put("reminderLead", lead == null ? "" : humane(lead));
    putDetails(v, c);
    return v;
  }

  /**
   * The type's location ({@code hasLocation}, {@code locationLabel}, {@code locationValue}, {@code isVideo}, and the
   * padded {@code locationLine} of text mails) and the customer's answers ({@code hasAnswers}, {@code answers}: each
   * {@code question} and {@code answer}), ADR 49.
   */
  private static void putDetails(Map<String, Object> v, MessageContext c) {
    TypeLocation location = c.type().details().location();
    v.put("hasLocation", location != null);
    if (location != null) {
      String label = locationLabel(location);
      v.put("locationLabel", label);
      v.put("locationValue", location.value());
      v.put("isVideo", location.kind() == TypeLocation.Kind.VIDEO);
      v.put("locationLine", String.format("%-12s%s", label + ":", location.value()));
    }
    List<Map<String, String>> answers = c.booking().answers().stream()
        .map(a -> Map.of("question", a.question(), "answer", a.value())).toList();
    v.put("hasAnswers", !answers.isEmpty());
    v.put("answers", answers);
    v.put("answersHeading", c.message().kind().audience() == MessageKind.Audience.CUSTOMER ? "Your answers" : "Answers");
  }

  /** "Address", "Phone" or "Video call": how mails and the .ics name a type's location. */
  static String locationLabel(TypeLocation location) {
    return switch (location.kind()) {
      case ADDRESS -> "Address";
      case PHONE -> "Phone";
      case VIDEO -> "Video call";
    };
  }

  /** Every resource the booking blocks (each member of an ALL pool, ADR 43), by name. */
  private static String resourceNames(MessageContext c) {
    return String.join(", ", c.resources().stream().map(Resource::name).toList());
  }

  private static String icsDescription(MessageContext c, MessageKind kind) {
    return kind == MessageKind.CANCELLATION
        ? "Cancelled booking with " + c.provider().displayName() + "."
        : "Booking with " + c.provider().displayName() + ". Reschedule or cancel: " + c.manageLink();
  }

  /** "24 hours", "1 hour", "30 minutes", "1 hour 30 minutes", "3 days" (whole days from 3 days on). */
  static String humane(Duration d) {
    long days = d.toDays();
    long hours = d.toHoursPart();
    long minutes = d.toMinutesPart();
    StringBuilder s = new StringBuilder();
    if (days >= 3 && hours == 0 && minutes == 0) {
      return days + " days";
    }
    long totalHours = d.toHours();
    if (totalHours > 0) {
      s.append(totalHours).append(totalHours == 1 ? " hour" : " hours");
    }
    if (minutes > 0) {
      s.append(s.length() > 0 ? " " : "").append(minutes).append(minutes == 1 ? " minute" : " minutes");
    }
    return s.length() == 0 ? "a moment" : s.toString();
  }

  @Override
  public String toString() {
    return "TemplateMessageRenderer(" + root + ")";
  }
}
