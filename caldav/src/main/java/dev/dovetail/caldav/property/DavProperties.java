package dev.dovetail.caldav.property;

import dev.dovetail.calendar.port.in.ShareCalendarFeed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /** {@link #ALL} by name (a report looks a property up for every object it answers). */
  private static final Map<QName, DavProperty> BY_NAME = byName();

  private DavProperties() {}

  private static Map<QName, DavProperty> byName() {
    Map<QName, DavProperty> byName = new HashMap<>();
    for (DavProperty p : ALL) {
      byName.putIfAbsent(p.name(), p); // the first of a name wins, as a search of the list would find it
    }
    return Map.copyOf(byName);
  }

  public static Optional<DavProperty> find(QName name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  static long maxResourceSize() {
    return maxResourceSize;
  }

  /** Set once at mount time from the configured body limit. */
  public static void maxResourceSize(long bytes) {
    maxResourceSize = bytes;
  }
}
