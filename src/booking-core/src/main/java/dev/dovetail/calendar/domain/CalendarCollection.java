package dev.dovetail.calendar.domain;

import dev.dovetail.kernel.PersistentMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A resource's calendar as one immutable value, stored as one document (like the {@code Schedule}) so that a write
 * changes the objects, the change sequence and the tombstones atomically by compare-and-set on {@code revision}.
 *
 * <p>{@code sequence} grows by one with every change of content (an object written or removed, a property set); it is
 * the calendar's CTag and the number in its RFC 6578 sync token. Removed objects leave a {@link Tombstone} so that a
 * sync can report them; only the latest {@link #MAX_TOMBSTONES} are kept, and {@code tombstoneFloor} remembers the
 * sequence below which deletions were forgotten: a token older than that is invalid and the client resynchronises.
 */
public final class CalendarCollection {

  public static final int MAX_TOMBSTONES = 2_000;

  /** A deletion remembered for sync-collection. */
  public record Tombstone(String href, long sequence) {}

  /** What changed after a sync token: objects written (present now) and hrefs removed. */
  public record Changes(List<CalendarObject> changed, List<String> removed, long sequence) {}

  /** Where an object or tombstone sits in the change log: by sequence, then href. */
  private record Logged(long sequence, String href) {}

  private static final Comparator<Logged> LOG_ORDER =
      Comparator.comparingLong(Logged::sequence).thenComparing(Logged::href);

  private final String resourceId;
  private final long revision;
  private final long sequence;
  private final Map<String, String> properties;
  /**
   * The objects by href, the href of each UID, the objects and the tombstones in change order, and the href of each
   * tombstone: maps that share structure between versions, so that a write costs O(log n) (ADR 69).
   */
  private final PersistentMap<String, CalendarObject, Void> objects;
  private final PersistentMap<String, String, Void> hrefsByUid;
  private final PersistentMap<Logged, CalendarObject, Void> changeLog;
  private final PersistentMap<Logged, Tombstone, Void> tombstones;
  private final PersistentMap<String, Long, Void> tombstoneSequences;
  private final long tombstoneFloor;

  public CalendarCollection(String resourceId, long revision, long sequence, Map<String, String> properties,
      List<CalendarObject> objects, List<Tombstone> tombstones, long tombstoneFloor) {
    this.resourceId = Objects.requireNonNull(resourceId, "resourceId");
    this.revision = revision;
    this.sequence = sequence;
    this.properties = Collections.unmodifiableMap(new TreeMap<>(properties));
    // built at once from sorted lists, one node per entry: a load costs O(n log n) comparisons and O(n) nodes
    List<CalendarObject> byHrefOrder = new ArrayList<>(objects);
    byHrefOrder.sort(Comparator.comparing(CalendarObject::href));
    List<CalendarObject> byUidOrder = new ArrayList<>(objects);
    byUidOrder.sort(Comparator.comparing(CalendarObject::uid));
    List<CalendarObject> byLogOrder = new ArrayList<>(objects);
    byLogOrder.sort(Comparator.comparing(CalendarCollection::logged, LOG_ORDER));
    List<String> hrefs = new ArrayList<>(objects.size());
    for (int i = 0; i < byHrefOrder.size(); i++) {
      hrefs.add(byHrefOrder.get(i).href());
      if (i > 0 && hrefs.get(i).equals(hrefs.get(i - 1))) {
        throw new IllegalArgumentException("two objects have the href " + hrefs.get(i));
      }
    }
    List<String> uidKeys = new ArrayList<>(objects.size());
    List<String> uidHrefs = new ArrayList<>(objects.size());
    for (int i = 0; i < byUidOrder.size(); i++) {
      uidKeys.add(byUidOrder.get(i).uid());
      uidHrefs.add(byUidOrder.get(i).href());
      if (i > 0 && uidKeys.get(i).equals(uidKeys.get(i - 1))) {
        throw new IllegalArgumentException("two objects have the UID " + uidKeys.get(i));
      }
    }
    PersistentMap<String, CalendarObject, Void> byHref =
        PersistentMap.<String, CalendarObject>empty(Comparator.naturalOrder()).withSorted(hrefs, byHrefOrder);
    PersistentMap<String, String, Void> uids =
        PersistentMap.<String, String>empty(Comparator.naturalOrder()).withSorted(uidKeys, uidHrefs);
    PersistentMap<Logged, CalendarObject, Void> log = PersistentMap.<Logged, CalendarObject>empty(LOG_ORDER)
        .withSorted(byLogOrder.stream().map(CalendarCollection::logged).toList(), byLogOrder);
    PersistentMap<Logged, Tombstone, Void> stones = PersistentMap.empty(LOG_ORDER);
    PersistentMap<String, Long, Void> stoneSequences = PersistentMap.empty(Comparator.naturalOrder());
    for (Tombstone t : tombstones) {
      stones = stones.put(new Logged(t.sequence(), t.href()), t);
      stoneSequences = stoneSequences.put(t.href(), t.sequence());
    }
    this.objects = byHref;
    this.hrefsByUid = uids;
    this.changeLog = log;
    this.tombstones = stones;
    this.tombstoneSequences = stoneSequences;
    this.tombstoneFloor = tombstoneFloor;
  }

  /** A changed version: every map was derived from a checked version by {@link #put}, {@link #remove} or a property. */
  private CalendarCollection(CalendarCollection base, long revision, long sequence, Map<String, String> properties,
      PersistentMap<String, CalendarObject, Void> objects, PersistentMap<String, String, Void> hrefsByUid,
      PersistentMap<Logged, CalendarObject, Void> changeLog, PersistentMap<Logged, Tombstone, Void> tombstones,
      PersistentMap<String, Long, Void> tombstoneSequences, long tombstoneFloor) {
    this.resourceId = base.resourceId;
    this.revision = revision;
    this.sequence = sequence;
    this.properties = properties;
    this.objects = objects;
    this.hrefsByUid = hrefsByUid;
    this.changeLog = changeLog;
    this.tombstones = tombstones;
    this.tombstoneSequences = tombstoneSequences;
    this.tombstoneFloor = tombstoneFloor;
  }

  public static CalendarCollection empty(String resourceId) {
    return new CalendarCollection(resourceId, 0, 0, Map.of(), List.of(), List.of(), 0);
  }

  public String resourceId() {
    return resourceId;
  }

  public long revision() {
    return revision;
  }

  public long sequence() {
    return sequence;
  }

  public Map<String, String> properties() {
    return properties;
  }

  /** The objects in href order: O(n), for readers; a write does not call it. */
  public List<CalendarObject> objects() {
    return List.copyOf(objects.values());
  }

  /** How many objects the calendar holds. */
  public int size() {
    return objects.size();
  }

  /** The remembered deletions in sequence order (at most {@link #MAX_TOMBSTONES}). */
  public List<Tombstone> tombstones() {
    return List.copyOf(tombstones.values());
  }

  public long tombstoneFloor() {
    return tombstoneFloor;
  }

  public Optional<CalendarObject> find(String href) {
    return Optional.ofNullable(objects.get(href));
  }

  public Optional<CalendarObject> findByUid(String uid) {
    String href = hrefsByUid.get(uid);
    return href == null ? Optional.empty() : Optional.of(objects.get(href));
  }

  /**
   * The objects written or replaced (new value) and removed (null) since {@code before}, an earlier version of this
   * calendar, by href: O(changes · log n), since the two share everything else.
   */
  public Map<String, CalendarObject> objectsChangedSince(CalendarCollection before) {
    Map<String, CalendarObject> changed = new HashMap<>();
    objects.changesFrom(before.objects, changed::put);
    return changed;
  }

  /** The same content at another store revision (the repository stamps the revision it wrote). */
  public CalendarCollection atRevision(long newRevision) {
    return new CalendarCollection(this, newRevision, sequence, properties, objects, hrefsByUid, changeLog,
        tombstones, tombstoneSequences, tombstoneFloor);
  }

  /**
   * Writes (creates or replaces) an object at the next sequence. Writing exactly what is stored changes nothing.
   * Throws {@link IllegalArgumentException} if another href already has the object's UID.
   */
  public CalendarCollection put(CalendarObject object) {
    CalendarObject existing = objects.get(object.href());
    if (existing != null && existing.etag().equals(object.etag()) && existing.booking() == object.booking()) {
      return this;
    }
    String holder = hrefsByUid.get(object.uid());
    if (holder != null && !holder.equals(object.href())) {
      throw new IllegalArgumentException("two objects have the UID " + object.uid());
    }
    long next = sequence + 1;
    CalendarObject stamped = object.atSequence(next);
    PersistentMap<String, String, Void> uids = hrefsByUid;
    PersistentMap<Logged, CalendarObject, Void> log = changeLog;
    if (existing != null) {
      uids = uids.remove(existing.uid());
      log = log.remove(logged(existing));
    }
    Long stone = tombstoneSequences.get(object.href());
    PersistentMap<Logged, Tombstone, Void> stones = stone == null ? tombstones
        : tombstones.remove(new Logged(stone, object.href()));
    return new CalendarCollection(this, revision, next, properties, objects.put(object.href(), stamped),
        uids.put(object.uid(), object.href()), log.put(logged(stamped), stamped), stones,
        tombstoneSequences.remove(object.href()), tombstoneFloor);
  }

  /** Removes an object and remembers the removal; removing what is not there changes nothing. */
  public CalendarCollection remove(String href) {
    CalendarObject existing = objects.get(href);
    if (existing == null) {
      return this;
    }
    long next = sequence + 1;
    Long stone = tombstoneSequences.get(href);
    PersistentMap<Logged, Tombstone, Void> stones = stone == null ? tombstones
        : tombstones.remove(new Logged(stone, href));
    stones = stones.put(new Logged(next, href), new Tombstone(href, next));
    PersistentMap<String, Long, Void> stoneSequences = tombstoneSequences.put(href, next);
    long floor = tombstoneFloor;
    while (stones.size() > MAX_TOMBSTONES) {
      Tombstone oldest = stones.firstValue();
      floor = Math.max(floor, oldest.sequence());
      stones = stones.remove(new Logged(oldest.sequence(), oldest.href()));
      stoneSequences = stoneSequences.remove(oldest.href());
    }
    return new CalendarCollection(this, revision, next, properties, objects.remove(href),
        hrefsByUid.remove(existing.uid()), changeLog.remove(logged(existing)), stones, stoneSequences, floor);
  }

  /** Sets ({@code value} non-null) or removes a dead property such as the display name or colour. */
  public CalendarCollection withProperty(String name, String value) {
    if (Objects.equals(properties.get(name), value)) {
      return this;
    }
    Map<String, String> props = new TreeMap<>(properties);
    if (value == null) {
      props.remove(name);
    } else {
      props.put(name, value);
    }
    return new CalendarCollection(this, revision, sequence + 1, Collections.unmodifiableMap(props), objects,
        hrefsByUid, changeLog, tombstones, tombstoneSequences, tombstoneFloor);
  }

  /**
   * What changed after {@code token} (a sequence this calendar issued): objects written after it and hrefs removed
   * after it. Fails with {@link InvalidSyncTokenException} for a token from the future or one older than the
   * remembered deletions. Costs O(log n + changes): a sync after one change costs the same on 100 and 10,000 objects.
   */
  public Changes changesSince(long token) {
    if (token < 0 || token > sequence || token < tombstoneFloor) {
      throw new InvalidSyncTokenException("sync token " + token + " is not valid for this calendar");
    }
    List<CalendarObject> changed = List.copyOf(changeLog.range(at -> at.sequence() > token, at -> true));
    List<String> removed = tombstones.range(at -> at.sequence() > token, at -> true).stream()
        .map(Tombstone::href).toList();
    return new Changes(changed, removed, sequence);
  }

  private static Logged logged(CalendarObject o) {
    return new Logged(o.sequence(), o.href());
  }
}
