package dev.dovetail.calendar.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntToLongFunction;

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

  private final String resourceId;
  private final long revision;
  private final long sequence;
  private final Map<String, String> properties;
  private final Map<String, CalendarObject> objects;
  private final List<Tombstone> tombstones;
  private final long tombstoneFloor;
  /** Objects sorted by sequence, computed on first use; a benign race at worst computes it twice. */
  private volatile CalendarObject[] changeLog;

  public CalendarCollection(String resourceId, long revision, long sequence, Map<String, String> properties,
      List<CalendarObject> objects, List<Tombstone> tombstones, long tombstoneFloor) {
    this.resourceId = Objects.requireNonNull(resourceId, "resourceId");
    this.revision = revision;
    this.sequence = sequence;
    this.properties = Collections.unmodifiableMap(new TreeMap<>(properties));
    Map<String, CalendarObject> byHref = new TreeMap<>();
    Map<String, String> uids = new TreeMap<>();
    for (CalendarObject o : objects) {
      if (byHref.put(o.href(), o) != null) {
        throw new IllegalArgumentException("two objects have the href " + o.href());
      }
      if (uids.put(o.uid(), o.href()) != null) {
        throw new IllegalArgumentException("two objects have the UID " + o.uid());
      }
    }
    this.objects = Collections.unmodifiableMap(byHref);
    this.tombstones = tombstones.stream().sorted(Comparator.comparingLong(Tombstone::sequence)).toList();
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

  public List<CalendarObject> objects() {
    return List.copyOf(objects.values());
  }

  public List<Tombstone> tombstones() {
    return tombstones;
  }

  public long tombstoneFloor() {
    return tombstoneFloor;
  }

  public Optional<CalendarObject> find(String href) {
    return Optional.ofNullable(objects.get(href));
  }

  public Optional<CalendarObject> findByUid(String uid) {
    return objects.values().stream().filter(o -> o.uid().equals(uid)).findFirst();
  }

  /** The same content at another store revision (the repository stamps the revision it wrote). */
  public CalendarCollection atRevision(long newRevision) {
    return new CalendarCollection(this, newRevision);
  }

  /** A copy at another revision, sharing the checked, unmodifiable maps and lists. */
  private CalendarCollection(CalendarCollection same, long revision) {
    this.resourceId = same.resourceId;
    this.revision = revision;
    this.sequence = same.sequence;
    this.properties = same.properties;
    this.objects = same.objects;
    this.tombstones = same.tombstones;
    this.tombstoneFloor = same.tombstoneFloor;
    this.changeLog = same.changeLog;
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
    long next = sequence + 1;
    List<CalendarObject> list = new ArrayList<>(objects.size() + 1);
    for (CalendarObject o : objects.values()) {
      if (!o.href().equals(object.href())) {
        list.add(o);
      }
    }
    list.add(object.atSequence(next));
    List<Tombstone> stones = tombstones.stream().filter(t -> !t.href().equals(object.href())).toList();
    return new CalendarCollection(resourceId, revision, next, properties, list, stones, tombstoneFloor);
  }

  /** Removes an object and remembers the removal; removing what is not there changes nothing. */
  public CalendarCollection remove(String href) {
    if (!objects.containsKey(href)) {
      return this;
    }
    long next = sequence + 1;
    List<CalendarObject> list = objects.values().stream().filter(o -> !o.href().equals(href)).toList();
    List<Tombstone> stones = new ArrayList<>(tombstones.size() + 1);
    tombstones.stream().filter(t -> !t.href().equals(href)).forEach(stones::add);
    stones.add(new Tombstone(href, next));
    long floor = tombstoneFloor;
    while (stones.size() > MAX_TOMBSTONES) {
      floor = Math.max(floor, stones.remove(0).sequence());
    }
    return new CalendarCollection(resourceId, revision, next, properties, list, stones, floor);
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
    return new CalendarCollection(resourceId, revision, sequence + 1, props, objects(), tombstones, tombstoneFloor);
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
    CalendarObject[] ordered = bySequence();
    int first = firstAfter(ordered.length, i -> ordered[i].sequence(), token);
    List<CalendarObject> changed = List.of(Arrays.copyOfRange(ordered, first, ordered.length));
    int firstStone = firstAfter(tombstones.size(), i -> tombstones.get(i).sequence(), token);
    List<String> removed = tombstones.subList(firstStone, tombstones.size()).stream().map(Tombstone::href).toList();
    return new Changes(changed, removed, sequence);
  }

  /** The objects in the order they were last written, built once per value (the change log sync reads). */
  private CalendarObject[] bySequence() {
    CalendarObject[] ordered = changeLog;
    if (ordered == null) {
      ordered = objects.values().toArray(new CalendarObject[0]);
      Arrays.sort(ordered, Comparator.comparingLong(CalendarObject::sequence));
      changeLog = ordered;
    }
    return ordered;
  }

  /** The first index in [0, size) whose sequence is above {@code token}, in a list sorted by sequence. */
  private static int firstAfter(int size, IntToLongFunction sequenceAt, long token) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sequenceAt.applyAsLong(mid) > token) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
