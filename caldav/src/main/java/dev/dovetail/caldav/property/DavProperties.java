package dev.dovetail.caldav.property;

import dev.dovetail.calendar.port.in.ShareCalendarFeed;
import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;

/** The one list of properties this server knows; PROPFIND and the REPORTs look properties up here. */
public final class DavProperties {

  /** Keys of the dead properties stored with a calendar. */
  public static final String DISPLAYNAME = "displayname";
  public static final String COLOR = "calendar-color";
  public static final String DESCRIPTION = "calendar-description";
  /** The secret of the calendar's webcal feed (see {@link FeedUrlProperty}). */
  public static final String FEED = ShareCalendarFeed.PROPERTY;

  private static volatile long maxResourceSize = 1_048_576;

  public static final List<DavProperty> ALL = List.of(
      new ResourceTypeProperty(),
      new DisplayNameProperty(),
      new GetEtagProperty(),
      new GetCtagProperty(),
      new GetContentTypeProperty(),
      new CurrentUserPrincipalProperty(),
      new PrincipalUrlProperty(),
      new OwnerProperty(),
      new CalendarHomeSetProperty(),
      new CalendarUserAddressSetProperty(),
      new SupportedCalendarComponentSetProperty(),
      new SupportedCalendarDataProperty(),
      new SupportedReportSetProperty(),
      new SyncTokenProperty(),
      new CalendarColorProperty(),
      new CalendarDescriptionProperty(),
      new MaxResourceSizeProperty(),
      new MinDateTimeProperty(),
      new MaxDateTimeProperty(),
      new MaxInstancesProperty(),
      new FeedUrlProperty(),
      new BusyClashesProperty());

  private DavProperties() {}

  public static Optional<DavProperty> find(QName name) {
    return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  static long maxResourceSize() {
    return maxResourceSize;
  }

  /** Set once at mount time from the configured body limit. */
  public static void maxResourceSize(long bytes) {
    maxResourceSize = bytes;
  }
}
