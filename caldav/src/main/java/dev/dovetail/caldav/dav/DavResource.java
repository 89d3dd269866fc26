package dev.dovetail.caldav.dav;

import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.calendar.domain.CalendarCollection;
import dev.dovetail.calendar.domain.CalendarObject;
import dev.dovetail.calendar.domain.ResourceCalendar;

/** A node of the DAV tree, resolved by {@link DavTree}; properties ask what kind of node they are looking at. */
public interface DavResource {

  String href();

  boolean isCollection();

  /** The principal who owns the node (the provider; tenants only ever see their own). */
  Provider owner();

  /** {@code /dav/}: only tells a client who it is (current-user-principal), RFC 5397. */
  record RootResource(Provider owner) implements DavResource {
    @Override
    public String href() {
      return Hrefs.ROOT;
    }

    @Override
    public boolean isCollection() {
      return true;
    }
  }

  /** {@code /dav/principals/{provider}/}: the provider as a principal (RFC 3744 / RFC 4791 6.2.1). */
  record PrincipalResource(Provider owner) implements DavResource {
    @Override
    public String href() {
      return Hrefs.principal(owner.id());
    }

    @Override
    public boolean isCollection() {
      return true;
    }
  }

  /** {@code /dav/calendars/{provider}/}: the calendar home; one calendar per resource. */
  record CalendarHomeResource(Provider owner) implements DavResource {
    @Override
    public String href() {
      return Hrefs.home(owner.id());
    }

    @Override
    public boolean isCollection() {
      return true;
    }
  }

  /** {@code /dav/calendars/{provider}/{resourceId}/}: a resource's calendar collection (RFC 4791 4.2). */
  record CalendarResource(Provider owner, Resource resource, CalendarCollection collection) implements DavResource {

    CalendarResource(Provider owner, ResourceCalendar calendar) {
      this(owner, calendar.resource(), calendar.collection());
    }

    /** The calendar as the read use case handed it out (for its time queries). */
    public ResourceCalendar calendar() {
      return new ResourceCalendar(resource, collection);
    }
    @Override
    public String href() {
      return Hrefs.calendar(owner.id(), resource.id());
    }

    @Override
    public boolean isCollection() {
      return true;
    }
  }

  /** {@code .../{resourceId}/{name}.ics}: one calendar object resource (RFC 4791 4.1). */
  record CalendarObjectResource(CalendarResource calendar, CalendarObject object) implements DavResource {
    @Override
    public String href() {
      return Hrefs.object(calendar.owner().id(), calendar.resource().id(), object.href());
    }

    @Override
    public boolean isCollection() {
      return false;
    }

    @Override
    public Provider owner() {
      return calendar.owner();
    }
  }
}
