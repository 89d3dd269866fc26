package dev.dovetail.outlook.emulator;

import dev.dovetail.outlook.emulator.EmuJson.OutZone;
import dev.dovetail.outlook.zone.WindowsZones;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The emulated user's calendars and events: writes bump {@code changeKey}, series expand into occurrences (each with
 * its own id and iCalUId) and exceptions, and every change gets a sequence number that delta rounds compare against.
 * All methods hold the mailbox lock.
 */
final class EmuMailbox {

  static final String PRIMARY = "primary";
  private static final SecureRandom RANDOM = new SecureRandom();

  final String userId;
  final String userPrincipalName;
  private final Clock clock;
  private final Map<String, String> calendars = new LinkedHashMap<>();
  private final Map<String, EmuEvent> events = new LinkedHashMap<>();
  /** Deleted event ids with the sequence of their deletion (delta reports them as removed). */
  private final Map<String, Long> deletedAt = new LinkedHashMap<>();
  private final Map<String, String> byTransactionId = new LinkedHashMap<>();
  private final Consumer<Change> listener;
  private long seq;
  private String primaryId;

  /** What a write changed, for change notifications. */
  record Change(String calendarId, String eventId, String changeType) {
  }

  EmuMailbox(String userId, String userPrincipalName, Clock clock, Consumer<Change> listener) {
    this.userId = userId;
    this.userPrincipalName = userPrincipalName;
    this.clock = clock;
    this.listener = listener;
    this.primaryId = createCalendar("Calendar");
  }

  static String opaqueId() {
    byte[] bytes = new byte[36];
    RANDOM.nextBytes(bytes);
    return "AAMkAG" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String occurrenceId(String masterId, Instant originalStart) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest((masterId + "|" + originalStart).getBytes(StandardCharsets.UTF_8));
      return "AAMkAG" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash) + "AAEO";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  synchronized String createCalendar(String name) {
    String id = opaqueId();
    calendars.put(id, name);
    return id;
  }

  synchronized String primaryCalendarId() {
    return primaryId;
  }

  synchronized JsonArray calendarsJson() {
    JsonArray out = new JsonArray();
    calendars.forEach((id, name) -> out.add(new JsonObject().put("id", id).put("name", name)
        .put("isDefaultCalendar", id.equals(primaryId)).put("canEdit", true)
        .put("owner", new JsonObject().put("name", "Emulated User").put("address", userPrincipalName))));
    return out;
  }

  synchronized String resolveCalendar(String calendarId) {
    String id = calendarId == null || calendarId.equals(PRIMARY) ? primaryId : calendarId;
    if (!calendars.containsKey(id)) {
      throw new EmuException(404, "ErrorItemNotFound", "The specified object was not found in the store.");
    }
    return id;
  }

  synchronized long seq() {
    return seq;
  }

  // ---- writes ----------------------------------------------------------------------------------------------------

  /**
   * POST …/events. A repeated transactionId returns the event it created first (no duplicate); once that event is
   * deleted, the transactionId is refused for good (400 ErrorDuplicateTransactionId).
   */
  synchronized JsonObject create(String calendarId, JsonObject body, OutZone out) {
    String cal = resolveCalendar(calendarId);
    String transactionId = body.getString("transactionId");
    if (transactionId != null && byTransactionId.containsKey(transactionId)) {
      EmuEvent existing = events.get(byTransactionId.get(transactionId));
      if (existing != null) {
        return masterJson(existing, out, false);
      }
      // Graph remembers a transactionId after its event is gone, and refuses to create another with it.
      throw new EmuException(400, "ErrorDuplicateTransactionId",
          "The transaction ID was already used to create an item.");
    }
    String id = opaqueId();
    EmuEvent event = new EmuEvent(id, cal, "040000008200E00074C5B7101A82E008" + id.substring(6, 30), transactionId,
        clock.instant());
    apply(event, body, true);
    events.put(id, event);
    if (transactionId != null) {
      byTransactionId.put(transactionId, id);
    }
    touch(event);
    listener.accept(new Change(cal, id, "created"));
    return masterJson(event, out, false);
  }

  /** PATCH an event, a series master or one occurrence; {@code ifMatch} (optional) must equal the @odata.etag. */
  synchronized JsonObject update(String eventId, JsonObject body, String ifMatch, OutZone out) {
    EmuEvent event = events.get(eventId);
    if (event != null) {
      checkEtag(event.changeKey, ifMatch);
      apply(event, body, false);
      touch(event);
      listener.accept(new Change(event.calendarId, eventId, "updated"));
      return masterJson(event, out, false);
    }
    Occurrence occ = findOccurrence(eventId).orElseThrow(EmuMailbox::notFound);
    EmuInstance instance = occ.instance();
    checkEtag(instance.changeKey(), ifMatch);
    EmuEvent master = occ.master();
    ZoneId zone = seriesZone(master);
    EmuEvent.Override ov = master.overrides.computeIfAbsent(instance.originalStart(), k -> new EmuEvent.Override());
    LocalDateTime newStart = body.containsKey("start") ? toZone(body.getJsonObject("start"), zone)
        : LocalDateTime.ofInstant(instance.start(), zone);
    LocalDateTime newEnd = body.containsKey("end") ? toZone(body.getJsonObject("end"), zone)
        : LocalDateTime.ofInstant(instance.end(), zone);
    checkBoundary(master, instance.originalStart(), newStart, newEnd);
    ov.start = newStart;
    ov.end = newEnd;
    if (body.containsKey("subject")) {
      ov.subject = body.getString("subject");
    }
    if (body.containsKey("showAs")) {
      ov.showAs = body.getString("showAs");
    }
    ov.changeKey = newChangeKey();
    master.changeSeq = ++seq;
    listener.accept(new Change(master.calendarId, eventId, "updated"));
    return instanceJson(findOccurrence(eventId).orElseThrow().instance(), out);
  }

  synchronized void delete(String eventId) {
    delete(eventId, null);
  }

  /** DELETE; {@code ifMatch} (optional) must equal the current @odata.etag. */
  synchronized void delete(String eventId, String ifMatch) {
    EmuEvent existing = events.get(eventId);
    if (existing != null) {
      checkEtag(existing.changeKey, ifMatch);
    }
    EmuEvent event = events.remove(eventId);
    if (event != null) {
      deletedAt.put(eventId, ++seq);
      listener.accept(new Change(event.calendarId, eventId, "deleted"));
      return;
    }
    Occurrence occ = findOccurrence(eventId).orElseThrow(EmuMailbox::notFound);
    EmuEvent.Override ov =
        occ.master().overrides.computeIfAbsent(occ.instance().originalStart(), k -> new EmuEvent.Override());
    ov.cancelled = true;
    ov.changeKey = newChangeKey();
    occ.master().changeSeq = ++seq;
    listener.accept(new Change(occ.master().calendarId, eventId, "deleted"));
  }

  synchronized Optional<JsonObject> get(String eventId, OutZone out, boolean expandExtended) {
    EmuEvent event = events.get(eventId);
    if (event != null) {
      return Optional.of(masterJson(event, out, expandExtended));
    }
    return findOccurrence(eventId).map(o -> instanceJson(o.instance(), out));
  }

  private void apply(EmuEvent event, JsonObject body, boolean creating) {
    if (body.containsKey("subject")) {
      event.subject = body.getString("subject");
    }
    if (body.containsKey("showAs")) {
      String showAs = body.getString("showAs");
      if (!List.of("free", "tentative", "busy", "oof", "workingElsewhere", "unknown").contains(showAs)) {
        throw new EmuException(400, "invalidRequest", "bad showAs: " + showAs);
      }
      event.showAs = showAs;
    }
    if (body.containsKey("isAllDay")) {
      event.allDay = body.getBoolean("isAllDay");
    }
    if (creating || body.containsKey("start") || body.containsKey("end")) {
      JsonObject start = body.getJsonObject("start", creating ? null : startJson(event));
      JsonObject end = body.getJsonObject("end", creating ? null : endJson(event));
      String zone = EmuJson.zoneName(start);
      LocalDateTime s = EmuJson.local(start);
      LocalDateTime e = toZone(end, WindowsZones.require(zone));
      if (!e.isAfter(s)) {
        throw new EmuException(400, "invalidRequest", "end must be after start");
      }
      event.start = s;
      event.end = e;
      event.timeZone = zone;
      event.originalTimeZone = body.getString("originalStartTimeZone", zone);
    }
    if (body.containsKey("recurrence")) {
      JsonObject recurrence = body.getJsonObject("recurrence");
      if (recurrence != null) {
        EmuRecurrence.validate(recurrence);
      }
      event.recurrence = recurrence;
      event.overrides.clear();
    }
    JsonArray props = body.getJsonArray("singleValueExtendedProperties");
    if (props != null) {
      for (Object p : props) {
        JsonObject prop = (JsonObject) p;
        event.extendedProperties.put(prop.getString("id"), prop.getString("value"));
      }
    }
  }

  private JsonObject startJson(EmuEvent event) {
    return new JsonObject().put("dateTime", EmuJson.GRAPH_LOCAL.format(event.start)).put("timeZone", event.timeZone);
  }

  private JsonObject endJson(EmuEvent event) {
    return new JsonObject().put("dateTime", EmuJson.GRAPH_LOCAL.format(event.end)).put("timeZone", event.timeZone);
  }

  private static LocalDateTime toZone(JsonObject dateTimeTimeZone, ZoneId target) {
    ZoneId from = WindowsZones.require(EmuJson.zoneName(dateTimeTimeZone));
    return EmuJson.local(dateTimeTimeZone).atZone(from).withZoneSameInstant(target).toLocalDateTime();
  }

  private void touch(EmuEvent event) {
    event.changeKey = newChangeKey();
    event.lastModified = clock.instant();
    event.changeSeq = ++seq;
  }

  private static String newChangeKey() {
    byte[] bytes = new byte[15];
    RANDOM.nextBytes(bytes);
    return "DwAAABYAAAB" + Base64.getEncoder().encodeToString(bytes);
  }

  private static void checkEtag(String changeKey, String ifMatch) {
    if (ifMatch != null && !ifMatch.equals("*") && !ifMatch.equals(etag(changeKey))) {
      throw new EmuException(412, "ErrorIrresolvableConflict",
          "The change key passed in the request does not match the current change key for the item.");
    }
  }

  static String etag(String changeKey) {
    return "W/\"" + changeKey + "\"";
  }

  private static EmuException notFound() {
    return new EmuException(404, "ErrorItemNotFound", "The specified object was not found in the store.");
  }

  /** Graph refuses moving an occurrence onto or past the day of a neighbouring occurrence. */
  private void checkBoundary(EmuEvent master, Instant originalStart, LocalDateTime newStart, LocalDateTime newEnd) {
    ZoneId zone = seriesZone(master);
    List<LocalDateTime> starts = EmuRecurrence.starts(master.recurrence, master.start,
        newEnd.toLocalDate().plusYears(1));
    LocalDateTime original = LocalDateTime.ofInstant(originalStart, zone);
    int i = starts.indexOf(original);
    if (i > 0 && !newStart.toLocalDate().isAfter(starts.get(i - 1).toLocalDate())
        || i >= 0 && i + 1 < starts.size() && !newEnd.toLocalDate().isBefore(starts.get(i + 1).toLocalDate())) {
      throw new EmuException(400, "ErrorOccurrenceCrossingBoundary",
          "Modified occurrence is crossing or overlapping adjacent occurrence.");
    }
  }

  // ---- views -----------------------------------------------------------------------------------------------------

  private record Occurrence(EmuEvent master, EmuInstance instance) {
  }

  private Optional<Occurrence> findOccurrence(String id) {
    for (EmuEvent e : events.values()) {
      if (e.isSeriesMaster() && id.startsWith("AAMkAG") && id.endsWith("AAEO")) {
        for (EmuInstance i : expand(e, LocalDate.of(2100, 1, 1), true)) {
          if (i.id().equals(id)) {
            return Optional.of(new Occurrence(e, i));
          }
        }
      }
    }
    return Optional.empty();
  }

  static ZoneId seriesZone(EmuEvent master) {
    return EmuRecurrence.zone(master.recurrence, WindowsZones.require(master.timeZone));
  }

  /** The view entries of one event up to {@code until}; cancelled occurrences only with {@code withCancelled}. */
  private List<EmuInstance> expand(EmuEvent e, LocalDate until, boolean withCancelled) {
    ZoneId zone = WindowsZones.require(e.timeZone);
    if (!e.isSeriesMaster()) {
      return List.of(new EmuInstance(e.id, e, "singleInstance", e.start.atZone(zone).toInstant(),
          e.end.atZone(zone).toInstant(), null, e.subject, e.showAs, e.changeKey));
    }
    ZoneId seriesZone = seriesZone(e);
    java.time.Duration length = java.time.Duration.between(e.start, e.end);
    List<EmuInstance> out = new ArrayList<>();
    for (LocalDateTime local : EmuRecurrence.starts(e.recurrence, e.start, until)) {
      Instant original = local.atZone(seriesZone).toInstant();
      String id = occurrenceId(e.id, original);
      EmuEvent.Override ov = e.overrides.get(original);
      if (ov == null) {
        out.add(new EmuInstance(id, e, "occurrence", original, local.plus(length).atZone(seriesZone).toInstant(),
            original, e.subject, e.showAs, e.changeKey));
      } else if (!ov.cancelled || withCancelled) {
        LocalDateTime start = ov.start == null ? local : ov.start;
        LocalDateTime end = ov.end == null ? local.plus(length) : ov.end;
        out.add(new EmuInstance(id, e, ov.cancelled ? "cancelled" : "exception",
            start.atZone(seriesZone).toInstant(), end.atZone(seriesZone).toInstant(), original,
            Objects.requireNonNullElse(ov.subject, e.subject), Objects.requireNonNullElse(ov.showAs, e.showAs),
            e.changeKey + ov.changeKey));
      }
    }
    return out;
  }

  /** The calendar view of one calendar (null = every calendar): occurrences, exceptions and single instances. */
  synchronized List<EmuInstance> view(String calendarId, Instant from, Instant to) {
    LocalDate until = LocalDate.ofInstant(to, java.time.ZoneOffset.UTC).plusDays(2);
    List<EmuInstance> out = new ArrayList<>();
    for (EmuEvent e : events.values()) {
      if (calendarId == null || e.calendarId.equals(calendarId)) {
        for (EmuInstance i : expand(e, until, false)) {
          if (i.overlaps(from, to)) {
            out.add(i);
          }
        }
      }
    }
    out.sort(Comparator.comparing(EmuInstance::start));
    return out;
  }

  /** Ids of single events outside the window changed or deleted after {@code sinceSeq} (delta reports them). */
  synchronized List<String> changedOutside(String calendarId, Instant from, Instant to, long sinceSeq) {
    List<String> out = new ArrayList<>();
    LocalDate until = LocalDate.ofInstant(to, java.time.ZoneOffset.UTC).plusDays(2);
    for (EmuEvent e : events.values()) {
      if (e.calendarId.equals(calendarId) && e.changeSeq > sinceSeq && !e.isSeriesMaster()
          && expand(e, until, false).stream().noneMatch(i -> i.overlaps(from, to))) {
        out.add(e.id);
      }
    }
    deletedAt.forEach((id, at) -> {
      if (at > sinceSeq) {
        out.add(id);
      }
    });
    return out;
  }

  JsonObject instanceJson(EmuInstance i, OutZone out) {
    EmuEvent e = i.event();
    JsonObject json = base(e, i.id(), i.changeKey(), out)
        .put("subject", i.subject())
        .put("showAs", i.showAs())
        .put("type", i.type().equals("cancelled") ? "exception" : i.type())
        .put("isCancelled", i.type().equals("cancelled"))
        .put("iCalUId", e.isSeriesMaster() ? "040000008200E00074C5B7101A82E008" + i.id().substring(6, 40) : e.iCalUId);
    if (e.allDay && !e.isSeriesMaster()) {
      json.put("start", EmuJson.floating(e.start, out)).put("end", EmuJson.floating(e.end, out));
    } else {
      json.put("start", EmuJson.dateTime(i.start(), out)).put("end", EmuJson.dateTime(i.end(), out));
    }
    if (e.isSeriesMaster()) {
      json.put("seriesMasterId", e.id).put("originalStart", EmuJson.instant(i.originalStart()));
    }
    return json;
  }

  private JsonObject masterJson(EmuEvent e, OutZone out, boolean expandExtended) {
    ZoneId zone = WindowsZones.require(e.timeZone);
    JsonObject json = base(e, e.id, e.changeKey, out)
        .put("subject", e.subject)
        .put("showAs", e.showAs)
        .put("type", e.isSeriesMaster() ? "seriesMaster" : "singleInstance")
        .put("isCancelled", false)
        .put("iCalUId", e.iCalUId)
        .put("recurrence", e.recurrence);
    if (e.allDay) {
      json.put("start", EmuJson.floating(e.start, out)).put("end", EmuJson.floating(e.end, out));
    } else {
      json.put("start", EmuJson.dateTime(e.start.atZone(zone).toInstant(), out))
          .put("end", EmuJson.dateTime(e.end.atZone(zone).toInstant(), out));
    }
    if (expandExtended && !e.extendedProperties.isEmpty()) {
      JsonArray props = new JsonArray();
      e.extendedProperties.forEach((k, v) -> props.add(new JsonObject().put("id", k).put("value", v)));
      json.put("singleValueExtendedProperties", props);
    }
    return json;
  }

  private static JsonObject base(EmuEvent e, String id, String changeKey, OutZone out) {
    JsonObject json = new JsonObject()
        .put("@odata.type", "#microsoft.graph.event")
        .put("@odata.etag", etag(changeKey))
        .put("id", id)
        .put("changeKey", changeKey)
        .put("createdDateTime", EmuJson.instant(e.created))
        .put("lastModifiedDateTime", EmuJson.instant(e.lastModified))
        .put("isAllDay", e.allDay)
        .put("originalStartTimeZone", e.originalTimeZone)
        .put("originalEndTimeZone", e.originalTimeZone);
    if (e.transactionId != null) {
      json.put("transactionId", e.transactionId);
    }
    return json;
  }

  /** Every stored event and series master of a calendar (the "events" list, not expanded). */
  synchronized List<JsonObject> masters(String calendarId, OutZone out) {
    return events.values().stream().filter(e -> calendarId == null || e.calendarId.equals(calendarId))
        .map(e -> masterJson(e, out, false)).toList();
  }

  synchronized int eventCount() {
    return events.size();
  }

  synchronized void clear() {
    events.clear();
    deletedAt.clear();
    byTransactionId.clear();
    calendars.keySet().retainAll(List.of(primaryId));
    seq++;
  }
}
