package dev.dovetail.infra.mail;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.PlainText;
import dev.dovetail.booking.domain.Provider;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The iTIP (RFC 5546) invitation attached to customer mails, written with ical4j. One VEVENT per booking: UID {@code
 * <bookingId>@dovetail} (stable, so calendar apps update the event they imported instead of adding another), SEQUENCE
 * = the booking's sequence (it grows with every change), DTSTART/DTEND in UTC (no VTIMEZONE needed; apps show it in
 * the viewer's zone), the provider as ORGANIZER and the customer as ATTENDEE, LOCATION the type's location or the
 * resources booked, URL the type's video link. {@code REQUEST} adds or updates the
 * event; {@code CANCEL} (with STATUS:CANCELLED) removes it. DTSTAMP is the booking's last change, so a re-sent mail
 * carries the same bytes.
 */
public final class IcsWriter {

  public static final String REQUEST = "REQUEST";
  public static final String CANCEL = "CANCEL";

  static {
    // Never try to fetch time-zone updates from the internet (there are no TZIDs here anyway: every time is UTC).
    if (System.getProperty("net.fortuna.ical4j.timezone.update.enabled") == null) {
      System.setProperty("net.fortuna.ical4j.timezone.update.enabled", "false");
    }
  }

  private IcsWriter() {}

  public static String uid(Booking booking) {
    return booking.id() + "@dovetail";
  }

  /**
   * The calendar text (CRLF line ends, folded at 75 octets), for {@code method} REQUEST or CANCEL; {@code location}
   * names the resources booked.
   */
  public static String write(String method, Booking booking, Provider provider, String location, BookingType type,
      String description) {
    boolean cancel = CANCEL.equals(method);
    if (!cancel && !REQUEST.equals(method)) {
      throw new IllegalArgumentException("METHOD must be REQUEST or CANCEL: " + method);
    }
    VEvent event = new VEvent(false);
    event.withProperty(new Uid(uid(booking)))
        .withProperty(new DtStamp(booking.updatedAt()))
        .withProperty(new DtStart<>(booking.time().start()))
        .withProperty(new DtEnd<>(booking.time().end()))
        .withProperty(new Sequence(booking.revision()))
        .withProperty(new Summary(oneLine(type.name() + " – " + provider.displayName())))
        .withProperty(new Location(oneLine(where(type, location))))
        .withProperty(new Description(description))
        .withProperty(cancel ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED)
        .withProperty(property(new Organizer(mailto(provider.email())).withParameter(new Cn(oneLine(provider.displayName())))
            .getFluentTarget()))
        .withProperty(property(new Attendee(mailto(booking.customerEmail()))
            .withParameter(new Cn(oneLine(booking.customerName())))
            .withParameter(Role.REQ_PARTICIPANT)
            .withParameter(cancel ? PartStat.DECLINED : PartStat.ACCEPTED)
            .withParameter(Rsvp.FALSE)
            .getFluentTarget()));
    String link = type.details().location() == null ? null : type.details().location().url();
    if (link != null) {
      event.withProperty(new Url(URI.create(link)));
    }
    Calendar calendar = new Calendar();
    calendar.withProdId("-//Dovetail//Booking Hub//EN")
        .withProperty(ImmutableVersion.VERSION_2_0)
        .withProperty(ImmutableCalScale.GREGORIAN)
        .withProperty(cancel ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST)
        .withComponent(event);
    StringWriter out = new StringWriter();
    try {
      new CalendarOutputter(false).output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** The type's own location (address, phone number or video link, ADR 49) when it has one, else the resources. */
  static String where(BookingType type, String resources) {
    return type.details().location() == null ? resources : type.details().location().value();
  }

  /**
   * Names validated at the edges hold no control character; one stored before that validation is flattened here so that
   * it can never end its content line (a parameter value cannot even escape one).
   */
  static String oneLine(String text) {
    if (!PlainText.hasControl(text)) {
      return text;
    }
    StringBuilder flat = new StringBuilder(text.length());
    text.codePoints().forEach(c -> flat.appendCodePoint(
        Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c));
    return flat.toString();
  }

  private static Property property(Property p) {
    return p;
  }

  /** A mailto: URI; characters a URI may not hold are quoted. */
  private static URI mailto(String address) {
    try {
      return new URI("mailto", address, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not usable as a calendar address: " + address, e);
    }
  }
}
