package dev.dovetail.outlook;

import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.DateTimeTimeZone;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.FreeBusyStatus;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.SingleValueLegacyExtendedProperty;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.outlook.zone.WindowsZones;
import dev.dovetail.sync.domain.ExternalEvent;
import dev.dovetail.sync.domain.OutboundEvent;
import dev.dovetail.sync.domain.ShowAs;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A Graph {@code event} ⇄ our model: an instance read back as an {@link ExternalEvent} (its {@code changeKey} is the
 * etag), and a booking's {@link OutboundEvent} as the body Graph is sent, with its time in the booking's zone under
 * its Windows name (ADR 12).
 */
final class GraphEvents {

  /** The name of the extended property that tags our own events (read back only with $expand, never in delta). */
  static final String BOOKING_PROPERTY = "String {6d3c4a2e-8b1f-4f67-9a0e-2c5d7b9e1f30} Name DovetailBooking";
  private static final DateTimeFormatter GRAPH_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS");

  private GraphEvents() {}

  static ExternalEvent toExternal(String calendarId, Event e) {
    ShowAs showAs = showAs(e.getShowAs());
    String etag = e.getChangeKey() == null ? "" : e.getChangeKey();
    if (Boolean.TRUE.equals(e.getIsAllDay())) {
      LocalDate start = local(e.getStart()).toLocalDate();
      LocalDate end = local(e.getEnd()).toLocalDate();
      return ExternalEvent.allDay(calendarId, e.getId(), "", etag, start, end.isAfter(start) ? end : start.plusDays(1),
          showAs);
    }
    return ExternalEvent.timed(calendarId, e.getId(), "", etag, new TimeRange(instant(e.getStart()),
        instant(e.getEnd())), showAs);
  }

  static ShowAs showAs(FreeBusyStatus status) {
    if (status == null) {
      return ShowAs.BUSY;
    }
    return switch (status) {
      case Free -> ShowAs.FREE;
      case Tentative -> ShowAs.TENTATIVE;
      case Oof -> ShowAs.OUT_OF_OFFICE;
      case WorkingElsewhere -> ShowAs.WORKING_ELSEWHERE;
      default -> ShowAs.BUSY;
    };
  }

  private static LocalDateTime local(DateTimeTimeZone value) {
    String text = value.getDateTime();
    return LocalDateTime.parse(text.endsWith("Z") ? text.substring(0, text.length() - 1) : text);
  }

  /** A {@code dateTimeTimeZone} as an instant: its zone is a Windows or IANA name, mapped through CLDR. */
  static Instant instant(DateTimeTimeZone value) {
    return local(value).atZone(WindowsZones.require(value.getTimeZone() == null ? "UTC" : value.getTimeZone()))
        .toInstant();
  }

  /** The body of a new booking event: {@link #body} plus its transactionId and the booking tag. */
  static Event created(OutboundEvent event, String transactionId) {
    Event body = body(event);
    body.setTransactionId(transactionId);
    SingleValueLegacyExtendedProperty tag = new SingleValueLegacyExtendedProperty();
    tag.setId(BOOKING_PROPERTY);
    tag.setValue(event.bookingId());
    body.setSingleValueExtendedProperties(List.of(tag));
    return body;
  }

  /** The fields we own of a booking event: subject, text body, start and end in the booking's zone, busy. */
  static Event body(OutboundEvent event) {
    String zone = WindowsZones.toWindows(event.zone());
    Event body = new Event();
    body.setSubject(event.summary());
    ItemBody text = new ItemBody();
    text.setContentType(BodyType.Text);
    text.setContent(event.description());
    body.setBody(text);
    body.setStart(dateTime(event.time().start(), event.zone(), zone));
    body.setEnd(dateTime(event.time().end(), event.zone(), zone));
    body.setShowAs(FreeBusyStatus.Busy);
    return body;
  }

  private static DateTimeTimeZone dateTime(Instant at, ZoneId zone, String windowsName) {
    DateTimeTimeZone value = new DateTimeTimeZone();
    value.setDateTime(GRAPH_LOCAL.format(LocalDateTime.ofInstant(at, zone)));
    value.setTimeZone(windowsName);
    return value;
  }
}
