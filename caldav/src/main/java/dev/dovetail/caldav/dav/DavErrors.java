package dev.dovetail.caldav.dav;

import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.SlotUnavailableException;
import dev.dovetail.calendar.domain.BookingEventReadOnlyException;
import dev.dovetail.calendar.domain.CalendarNotDeletableException;
import dev.dovetail.calendar.domain.CalendarObjectChangedException;
import dev.dovetail.calendar.domain.UidInUseException;
import dev.dovetail.calendar.domain.UnsupportedComponentException;
import dev.dovetail.kernel.NotFoundException;
import javax.xml.namespace.QName;

/**
 * The one place where the core's domain exceptions become DAV answers (RFC 4918 16, RFC 4791 1.3): a refused
 * precondition is 403 with its element, a failed condition 412, a missing or foreign calendar or object 404, a limit
 * 400. {@code DavDispatcher} renders the result; anything not listed here passes through unchanged.
 */
public final class DavErrors {

  public static final QName NO_BOOKING_OVERLAP = Ns.dovetail("no-booking-overlap");
  public static final QName BOOKING_READ_ONLY = Ns.dovetail("booking-is-read-only");

  private DavErrors() {}

  public static Throwable translate(Throwable err) {
    if (err instanceof NotFoundException) {
      return DavException.notFound();
    }
    if (err instanceof SlotUnavailableException) {
      return DavException.forbidden(NO_BOOKING_OVERLAP,
          "the event overlaps a booking or a hold on this resource; move it or cancel the booking first");
    }
    if (err instanceof BookingEventReadOnlyException readOnly) {
      return DavException.forbidden(BOOKING_READ_ONLY, readOnly.getMessage());
    }
    if (err instanceof CalendarObjectChangedException changed) {
      return new DavException(412, null, changed.getMessage());
    }
    if (err instanceof UidInUseException uid) {
      return new UidConflict(Hrefs.object(uid.providerId(), uid.resourceId(), uid.objectName()), uid.getMessage());
    }
    if (err instanceof CalendarNotDeletableException refused) {
      return DavException.forbidden(refused.why() == CalendarNotDeletableException.Why.BOOKABLE_RESOURCE
          ? Ns.dovetail("calendar-is-a-resource") : Ns.dovetail("calendar-has-bookings"), refused.getMessage());
    }
    if (err instanceof UnsupportedComponentException unsupported) {
      return DavException.forbidden(Ns.caldav("supported-calendar-component"), unsupported.getMessage());
    }
    if (err instanceof InvalidRequestException invalid) {
      return new DavException(400, null, invalid.getMessage());
    }
    return err;
  }

  /** CALDAV:no-uid-conflict names the object that already has the UID (RFC 4791 5.3.2.1). */
  static final class UidConflict extends DavException {
    private final String href;

    UidConflict(String href, String reason) {
      super(403, Ns.caldav("no-uid-conflict"), reason);
      this.href = href;
    }

    @Override
    protected String preconditionXml() {
      return "<c:no-uid-conflict><d:href>" + Xml.escape(href) + "</d:href></c:no-uid-conflict>";
    }
  }
}
