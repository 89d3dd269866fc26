package dev.dovetail.caldav.backend;

import dev.dovetail.caldav.dav.DavException;
import dev.dovetail.caldav.dav.Ns;
import dev.dovetail.calendar.domain.CalendarComponents;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarParserFactory;
import net.fortuna.ical4j.data.DefaultComponentFactorySupplier;
import net.fortuna.ical4j.data.DefaultParameterFactorySupplier;
import net.fortuna.ical4j.data.DefaultPropertyFactorySupplier;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.ComponentFactory;
import net.fortuna.ical4j.model.ParameterFactory;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyFactory;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * Parses and validates calendar object resources with ical4j (call it on a worker thread: parsing is CPU work).
 * Enforces RFC 4791 4.1 (one UID, one component type: VEVENT, VTODO or VJOURNAL; whether the calendar holds that
 * type is the calendar use case's decision, 5.3.2.1) and the
 * {@link RecurrenceLimits} (date bounds, COUNT, BYxxx sizes, effective frequency). Keeps the last parsed calendars by
 * etag (fewer than ical4j's pool of zone ids, see {@code ical4j.properties}).
 */
public final class IcsParser {

  /** How far ahead an event written over CalDAV blocks time. */
  public static final Duration BUSY_WINDOW = Duration.ofDays(366);
  private static final int CACHE_SIZE = 1_000;
  private static final Pattern KIND = Pattern.compile("^BEGIN:(VEVENT|VTODO|VJOURNAL)\\s*$",
      Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
  private static final String BEGIN = "BEGIN:";
  private static final int KINDS_SIZE = 50_000;
  /** Kinds by etag; "" for none. */
  private static final Map<String, String> KINDS = new ConcurrentHashMap<>();
  private static final String ZONE_IDS_EXHAUSTED = "Ran out of available zone IDs";
  /*
   * ical4j's default factories, listed once: its content handler asks its suppliers for a new list of every factory
   * at each property, parameter and component it parses (about 4% of a calendar-query run's CPU samples). The
   * factories keep no state and the lists are unmodifiable, so every parse on every thread shares them.
   */
  private static final List<ParameterFactory<?>> PARAMETERS =
      List.copyOf(new DefaultParameterFactorySupplier().get());
  private static final List<PropertyFactory<?>> PROPERTIES = List.copyOf(new DefaultPropertyFactorySupplier().get());
  private static final List<ComponentFactory<?>> COMPONENTS =
      List.copyOf(new DefaultComponentFactorySupplier().get());

  static {
    // also in ical4j.properties, which applies even if other code initialises ical4j first
    System.setProperty("net.fortuna.ical4j.timezone.id.pool.size", "50000");
    System.setProperty("net.fortuna.ical4j.timezone.update.enabled", "false");
    System.setProperty("ical4j.unfolding.relaxed", "true");
    System.setProperty("ical4j.parsing.relaxed", "true");
  }

  private static final Map<String, Calendar> CACHE = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Calendar> eldest) {
      return size() > CACHE_SIZE;
    }
  };

  private IcsParser() {}

  /** Parses without validation beyond syntax, cached by etag; for stored objects (queries). */
  public static Calendar parseStored(String etag, String ics) {
    synchronized (CACHE) {
      Calendar hit = CACHE.get(etag);
      if (hit != null) {
        return hit;
      }
    }
    Calendar parsed = build(ics);
    synchronized (CACHE) {
      CACHE.put(etag, parsed);
    }
    return parsed;
  }

  /**
   * {@link #kind(String)} of a stored object, remembered by etag (the SHA-256 of the text, so an answer never goes
   * stale): a query asks it of every candidate, every time. At most {@value #KINDS_SIZE} are kept; past that the
   * memory starts again empty.
   */
  public static String kind(String etag, String ics) {
    String hit = KINDS.get(etag);
    if (hit != null) {
      return hit.isEmpty() ? null : hit;
    }
    String kind = kind(ics);
    if (KINDS.size() >= KINDS_SIZE) {
      KINDS.clear();
    }
    KINDS.put(etag, kind == null ? "" : kind);
    return kind;
  }

  /** Parses and validates a PUT body; every refusal is a {@link DavException} with its RFC 4791 precondition. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public static ParsedEvent parseForPut(String ics, ZoneId floating, Instant now) {
    RecurrenceLimits.checkTimezones(ics);
    Calendar calendar = build(ics);
    List<CalendarComponent> components = calendar.getComponents();
    Set<String> uids = new HashSet<>();
    String kind = null;
    for (CalendarComponent c : components) {
      String name = c.getName();
      if (Component.VTIMEZONE.equals(name)) {
        continue;
      }
      if (!CalendarComponents.STORABLE.contains(name)) {
        throw DavException.forbidden(Ns.caldav("supported-calendar-component"),
            "calendars here hold VEVENT, VTODO and VJOURNAL components, not " + name);
      }
      if (kind != null && !kind.equals(name)) {
        throw invalid("one calendar object holds one type of component (RFC 4791 4.1), not " + kind + " and " + name);
      }
      kind = name;
      Optional<Property> uid = c.getProperty(Property.UID);
      if (uid.isEmpty() || uid.get().getValue().isBlank()) {
        throw invalid("every " + name + " needs a UID");
      }
      uids.add(uid.get().getValue());
      boolean needsStart = Component.VEVENT.equals(name) || c.getProperty(Property.RRULE).isPresent()
          || c.getProperty(Property.RECURRENCE_ID).isPresent();
      if (needsStart && c.getProperty(Property.DTSTART).isEmpty()) {
        throw invalid("every VEVENT, and every recurring " + name + ", needs a DTSTART");
      }
    }
    if (kind == null) {
      throw invalid("the calendar object has no VEVENT, VTODO or VJOURNAL");
    }
    if (uids.size() != 1) {
      throw invalid("all components of one calendar object must share one UID (RFC 4791 4.1)");
    }
    RecurrenceLimits.check(calendar, floating);
    List<Occurrence> busy = List.of();
    // an event's instances are its busy time; a task's or journal entry's are only checked to be readable
    boolean dated = Component.VEVENT.equals(kind) || Occurrences.components(calendar).stream()
        .anyMatch(c -> c.getProperty(Property.DTSTART).isPresent());
    try {
      List<Occurrence> instances = dated
          ? Occurrences.expand(calendar, now, now.plus(BUSY_WINDOW), floating, Occurrences.MAX_INSTANCES) : List.of();
      busy = Component.VEVENT.equals(kind) ? instances : List.of();
    } catch (RuntimeException e) {
      throw invalid("the object's dates or recurrence cannot be read: " + e.getMessage());
    }
    return new ParsedEvent(calendar, uids.iterator().next(), kind, opaque(calendar), busy);
  }

  /**
   * The kind of a stored object ({@code VEVENT}, {@code VTODO} or {@code VJOURNAL}) read from its text without
   * parsing it: the first such BEGIN line. Null if it has none.
   */
  public static String kind(String ics) {
    // The first match of KIND, found by trying the pattern only where a line may begin with "BEGIN:" (any case),
    // instead of running the case-insensitive pattern over every character (a query asks this of every candidate).
    Matcher m = KIND.matcher(ics).useTransparentBounds(true).useAnchoringBounds(false);
    int last = ics.length() - BEGIN.length();
    for (int i = 0; i <= last; i++) {
      char c = ics.charAt(i);
      if ((c == 'B' || c == 'b') && (i == 0 || lineTerminator(ics.charAt(i - 1)))
          && ics.regionMatches(true, i, BEGIN, 0, BEGIN.length()) && m.region(i, ics.length()).lookingAt()) {
        return m.group(1).toUpperCase(Locale.ROOT);
      }
    }
    return null;
  }

  /** The characters after which {@code ^} matches in a MULTILINE pattern (besides the start). */
  private static boolean lineTerminator(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  /** Whether the object blocks time: its first VEVENT is neither TRANSPARENT nor CANCELLED (tasks never do). */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public static boolean opaque(Calendar calendar) {
    List<VEvent> events = calendar.getComponents(Component.VEVENT);
    if (events.isEmpty()) {
      return false;
    }
    VEvent master = events.get(0);
    boolean transparent = master.getProperty(Property.TRANSP)
        .map(p -> "TRANSPARENT".equalsIgnoreCase(((Property) p).getValue())).orElse(false);
    boolean cancelled = master.getProperty(Property.STATUS)
        .map(p -> "CANCELLED".equalsIgnoreCase(((Property) p).getValue())).orElse(false);
    return !transparent && !cancelled;
  }

  /**
   * Parses with ical4j. Each parse with a VTIMEZONE takes a zone id from ical4j's pool until its result is garbage
   * collected; should the pool still run dry (results not yet collected), one collection is requested and the parse
   * retried, instead of calling valid iCalendar invalid.
   */
  private static Calendar build(String ics) {
    try {
      return parse(ics);
    } catch (ParserException | IOException | RuntimeException e) {
      if (String.valueOf(e.getMessage()).contains(ZONE_IDS_EXHAUSTED)) {
        System.gc();
        try {
          return parse(ics);
        } catch (ParserException | IOException | RuntimeException again) {
          throw invalid("the body is not valid iCalendar: " + again.getMessage());
        }
      }
      throw invalid("the body is not valid iCalendar: " + e.getMessage());
    }
  }

  private static Calendar parse(String ics) throws ParserException, IOException {
    return new CalendarBuilder(CalendarParserFactory.getInstance().get(), () -> PARAMETERS, () -> PROPERTIES,
        () -> COMPONENTS, new SharedZoneRules()).build(new StringReader(ics));
  }

  private static DavException invalid(String reason) {
    return new DavException(400, Ns.caldav("valid-calendar-data"), reason);
  }
}
