package dev.dovetail.booking.domain;

import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.PersistentMap;
import dev.dovetail.kernel.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Everything that blocks one resource, kept as one document so that the store can change it atomically. The
 * constructor enforces the no-overlap invariant: a BOOKING block overlaps no block of another owner (BUSY blocks may
 * overlap each other). An owner has one block, or two while a booking over several resources is being moved (ADR 43:
 * its new time placed beside its current one, {@link #placeBeside}, until {@link #keepOnly} frees the other); those two
 * may overlap each other, being one booking. So no {@code Schedule} with an overlap between owners can exist, and a repository that writes only whole schedules with a
 * revision check can never store one, whoever calls it and whether or not they hold the resource lock.
 *
 * <p>{@code revision} is the store revision the schedule was read at; mutations keep it, and the repository's
 * compare-and-set write turns it into the next one. Mutations first drop expired holds and blocks that ended more than
 * {@link #RETENTION} ago (kept that long so per-week limits can still count them).
 */
public final class Schedule {

  public static final Duration RETENTION = Duration.ofDays(8);
  private static final Comparator<Block> ORDER =
      Comparator.comparing((Block b) -> b.span().start()).thenComparing(Block::ownerId);
  /** {@link #ORDER}, made total for the blocks of one schedule (an owner's two blocks differ in booked time). */
  private static final Comparator<Block> KEY_ORDER = ORDER
      .thenComparing((Block b) -> b.booked().start()).thenComparing(b -> b.booked().end());

  /**
   * What a subtree of blocks holds, for pruning searches: its earliest start, its latest end (of any block and of
   * BOOKING blocks, null if none), its earliest end and its earliest hold expiry (null if none).
   */
  private record Spans(Instant minStart, Instant maxEnd, Instant maxBookingEnd, Instant minEnd, Instant minExpiry) {

    /** The block's own spans joined with its subtrees' (either may be null): one object per node. */
    static Spans of(Block b, Spans left, Spans right) {
      Instant end = b.span().end();
      boolean noLeft = left == null;
      boolean noRight = right == null;
      return new Spans(
          earlier(b.span().start(), earlier(noLeft ? null : left.minStart, noRight ? null : right.minStart)),
          later(end, later(noLeft ? null : left.maxEnd, noRight ? null : right.maxEnd)),
          later(b.kind() == Block.Kind.BOOKING ? end : null,
              later(noLeft ? null : left.maxBookingEnd, noRight ? null : right.maxBookingEnd)),
          earlier(end, earlier(noLeft ? null : left.minEnd, noRight ? null : right.minEnd)),
          earlier(b.expiresAt(), earlier(noLeft ? null : left.minExpiry, noRight ? null : right.minExpiry)));
    }

    private static Instant earlier(Instant a, Instant b) {
      return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
      return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
  }

  private static final PersistentMap<Block, Block, Spans> NO_BLOCKS =
      PersistentMap.empty(KEY_ORDER, (b, same, left, right) -> Spans.of(b, left, right));
  private static final PersistentMap<String, List<Block>, Void> NO_OWNERS =
      PersistentMap.empty(Comparator.naturalOrder());

  private final String resourceId;
  private final long revision;
  /**
   * The blocks in start order, each subtree summarised ({@link Spans}), and each owner's blocks: maps that share
   * structure between versions, so that a change costs O(log n) and checks only the blocks near it (ADR 69).
   */
  private final PersistentMap<Block, Block, Spans> byStart;
  private final PersistentMap<String, List<Block>, Void> byOwner;
  /** The blocks as a list in start order, built on first use (a benign race at worst builds it twice). */
  private volatile List<Block> blockList;

  public Schedule(String resourceId, long revision, List<Block> blocks) {
    this.resourceId = Objects.requireNonNull(resourceId, "resourceId");
    this.revision = revision;
    List<Block> sorted = new ArrayList<>(blocks);
    sorted.sort(KEY_ORDER); // in ORDER too, which KEY_ORDER refines
    Map<String, List<Block>> owners = requireUniqueOwners(sorted);
    requireNoOverlap(sorted);
    // built at once, one node per entry (a load costs O(n) nodes, not O(n log n) copied ones): keys are unique once
    // each owner has one block or two at different booked times
    this.byStart = NO_BLOCKS.withSorted(sorted, sorted);
    List<String> ownerIds = new ArrayList<>(owners.keySet());
    ownerIds.sort(Comparator.naturalOrder());
    List<List<Block>> ownerBlocks = new ArrayList<>(ownerIds.size());
    for (String owner : ownerIds) {
      ownerBlocks.add(List.copyOf(owners.get(owner)));
    }
    this.byOwner = NO_OWNERS.withSorted(ownerIds, ownerBlocks);
    this.blockList = Collections.unmodifiableList(sorted);
  }

  /**
   * For changes only: the maps were derived from a checked schedule by removing or confirming blocks (which cannot
   * create an overlap or a duplicate owner), or by adding blocks that {@link #clashes} cleared one by one.
   */
  private Schedule(String resourceId, long revision, PersistentMap<Block, Block, Spans> byStart,
      PersistentMap<String, List<Block>, Void> byOwner, List<Block> blockList) {
    this.resourceId = resourceId;
    this.revision = revision;
    this.byStart = byStart;
    this.byOwner = byOwner;
    this.blockList = blockList;
  }

  /** The same blocks at another store revision (the repository stamps the revision it wrote); no re-check needed. */
  public Schedule atRevision(long newRevision) {
    return new Schedule(resourceId, newRevision, byStart, byOwner, blockList);
  }

  public static Schedule empty(String resourceId) {
    return new Schedule(resourceId, 0, List.of());
  }

  public String resourceId() {
    return resourceId;
  }

  public long revision() {
    return revision;
  }

  /** The blocks in start order (built once per version: O(n) for readers, not paid by a change). */
  public List<Block> blocks() {
    List<Block> list = blockList;
    if (list == null) {
      list = List.copyOf(byStart.values());
      blockList = list;
    }
    return list;
  }

  /** The blocks whose owner id starts with {@code prefix}, in owner order: O(log n + what is returned). */
  public List<Block> blocksOfOwnersStartingWith(String prefix) {
    List<Block> out = new ArrayList<>();
    // the owners starting with the prefix are one stretch of the owner order, from the prefix itself on
    byOwner.range(owner -> owner.compareTo(prefix) >= 0,
        owner -> owner.compareTo(prefix) < 0 || owner.startsWith(prefix)).forEach(out::addAll);
    return out;
  }

  /** The blocks whose span overlaps {@code range}, in start order: O(log n) per block returned. */
  public List<Block> overlapping(TimeRange range) {
    return byStart.collect(s -> s.minStart().isBefore(range.end()) && s.maxEnd().isAfter(range.start()),
        b -> b.span().overlaps(range));
  }

  /** The blocks whose span starts in [{@code from}, {@code to}), in start order: O(log n + what is returned). */
  public List<Block> startingBetween(Instant from, Instant to) {
    return byStart.range(b -> !b.span().start().isBefore(from), b -> b.span().start().isBefore(to));
  }

  /**
   * The blocks added (or confirmed) since {@code before}, an earlier version of this schedule, and the blocks it held
   * that are gone: O(changes · log n), since the two versions share everything else.
   */
  public void changesSince(Schedule before, Consumer<Block> added, Consumer<Block> removed) {
    byStart.changesFrom(before.byStart, (key, now) -> {
      if (now == null) {
        removed.accept(key);
      } else {
        Block old = before.byStart.get(key);
        if (old != null) {
          removed.accept(old);
        }
        added.accept(now);
      }
    });
  }

  /** Adds the blocks, all or none; throws {@link SlotUnavailableException} if any would overlap. */
  public Schedule place(List<Block> added, Instant now) {
    return pruned(now).with(added);
  }

  /** Removes the owner's blocks (cancellation); removing what is not there changes nothing. */
  public Schedule release(String ownerId, Instant now) {
    return pruned(now).without(ownerId);
  }

  /** Moves an owner's blocks in one step (reschedule): the new ones are placed and the old freed, or neither. */
  public Schedule replace(String ownerId, List<Block> added, Instant now) {
    Schedule base = pruned(now);
    if (base.find(ownerId).isEmpty()) {
      throw new ConflictException("nothing to move: " + ownerId + " does not block this resource");
    }
    return base.without(ownerId).with(added);
  }

  /**
   * Make-before-break move of a booking over several resources (ADR 43): adds the owner's block at its new time beside
   * its block at {@code current}, which stays. Throws {@link SlotUnavailableException} if the new block would overlap
   * another owner's block, a {@link ConflictException} if the owner's block is not (only) at {@code current}: the
   * booking changed meanwhile, or an interrupted move is not repaired yet.
   */
  public Schedule placeBeside(Block added, TimeRange current, Instant now) {
    Schedule base = pruned(now);
    List<Block> have = base.blocksOf(added.ownerId());
    if (have.size() != 1 || !have.get(0).booked().equals(current)) {
      throw new ConflictException("the booking " + added.ownerId() + " changed meanwhile on this resource");
    }
    if (added.booked().equals(current)) {
      throw new IllegalArgumentException("a block beside its owner's current one needs another time");
    }
    if (base.clashes(added)) {
      throw new SlotUnavailableException("the requested time overlaps existing bookings or busy time",
          List.of(added.booked()));
    }
    return base.inserted(added);
  }

  /**
   * Frees the owner's blocks booked at any other time than {@code kept} (the end of a move, or its undoing); if none
   * of its blocks is at {@code kept}, changes nothing, so an owner never loses its last block this way.
   */
  public Schedule keepOnly(String ownerId, TimeRange kept, Instant now) {
    Schedule base = pruned(now);
    List<Block> have = base.blocksOf(ownerId);
    if (have.stream().noneMatch(b -> b.booked().equals(kept))) {
      return base;
    }
    Schedule next = base;
    for (Block b : have) {
      if (!b.booked().equals(kept)) {
        next = next.removed(b);
      }
    }
    return next;
  }

  /** Turns a live hold into a firm block; fails if the hold has expired. */
  public Schedule confirm(String ownerId, Instant now) {
    Schedule base = pruned(now);
    base.find(ownerId).orElseThrow(() -> new ConflictException("the hold on " + ownerId + " has expired"));
    PersistentMap<Block, Block, Spans> starts = base.byStart;
    List<Block> confirmed = new ArrayList<>();
    for (Block b : base.blocksOf(ownerId)) {
      Block firm = b.confirmed(); // same span and owner: order and invariant are unchanged
      starts = starts.put(firm, firm);
      confirmed.add(firm);
    }
    return new Schedule(resourceId, revision, starts, base.byOwner.put(ownerId, List.copyOf(confirmed)), null);
  }

  /** This schedule without expired holds and without blocks that ended more than {@link #RETENTION} ago. */
  public Schedule pruned(Instant now) {
    Instant horizon = now.minus(RETENTION);
    Spans all = byStart.summary();
    if (all == null || (all.minEnd().isAfter(horizon) && (all.minExpiry() == null || now.isBefore(all.minExpiry())))) {
      return this;
    }
    List<Block> gone = byStart.collect(
        s -> !s.minEnd().isAfter(horizon) || (s.minExpiry() != null && !now.isBefore(s.minExpiry())),
        b -> b.isExpiredAt(now) || !b.span().end().isAfter(horizon));
    Schedule next = this;
    for (Block b : gone) {
      next = next.removed(b);
    }
    return next;
  }

  public Optional<Block> find(String ownerId) {
    List<Block> have = byOwner.get(ownerId);
    return have == null ? Optional.empty() : Optional.of(have.get(0));
  }

  /** The owner's blocks: one, or two while a move over several resources is in flight. */
  public List<Block> blocksOf(String ownerId) {
    List<Block> have = byOwner.get(ownerId);
    return have == null ? List.of() : have;
  }

  /** The earliest expiry of a hold still live at {@code now} ({@link Instant#MAX} if none), when its time frees. */
  public Instant nextExpiry(Instant now) {
    Spans all = byStart.summary();
    if (all == null || all.minExpiry() == null) {
      return Instant.MAX;
    }
    Instant next = Instant.MAX;
    for (Block block : byStart.collect(s -> s.minExpiry() != null, b -> b.expiresAt() != null)) {
      if (!block.isExpiredAt(now) && block.expiresAt().isBefore(next)) {
        next = block.expiresAt();
      }
    }
    return next;
  }

  /** The blocking spans live at {@code now}, indexed for O(log n) overlap queries. */
  public IntervalIndex index(Instant now) {
    return new IntervalIndex(blocks().stream().filter(b -> !b.isExpiredAt(now)).map(Block::span).toList());
  }

  /**
   * Adds the blocks one by one, each checked against the blocks near it ({@link #clashes}); the schedule it started
   * from holds no overlap, so neither does the result: O(k log n) for k blocks added.
   */
  private Schedule with(List<Block> added) {
    Set<String> addedOwners = new HashSet<>();
    for (Block b : added) {
      if (find(b.ownerId()).isPresent()) {
        throw new ConflictException(b.ownerId() + " already blocks this resource");
      }
      if (!addedOwners.add(b.ownerId())) {
        throw new IllegalArgumentException("two blocks have the same owner " + b.ownerId());
      }
    }
    Schedule next = this;
    for (Block b : added) {
      if (next.clashes(Objects.requireNonNull(b, "block"))) {
        List<TimeRange> requested = added.stream().map(Block::booked).toList();
        throw new SlotUnavailableException("the requested time overlaps existing bookings or busy time", requested);
      }
      next = next.inserted(b);
    }
    return next;
  }

  /**
   * Whether {@code b} would overlap a block of another owner where either is a BOOKING block: exactly what the sweep
   * of {@link #firstOverlap} refuses (an owner's own blocks never clash with each other). Visits only the subtrees
   * whose spans can reach {@code b}.
   */
  private boolean clashes(Block b) {
    TimeRange span = b.span();
    boolean booking = b.kind() == Block.Kind.BOOKING;
    return byStart.anyMatch(
        s -> s.minStart().isBefore(span.end())
            && (booking ? s.maxEnd().isAfter(span.start())
                : s.maxBookingEnd() != null && s.maxBookingEnd().isAfter(span.start())),
        x -> !x.ownerId().equals(b.ownerId()) && x.span().overlaps(span)
            && (booking || x.kind() == Block.Kind.BOOKING));
  }

  private Schedule inserted(Block b) {
    return new Schedule(resourceId, revision, byStart.put(b, b),
        byOwner.put(b.ownerId(), withBlock(byOwner.get(b.ownerId()), b)), null);
  }

  private Schedule removed(Block b) {
    List<Block> rest = new ArrayList<>(blocksOf(b.ownerId()));
    rest.remove(b);
    return new Schedule(resourceId, revision, byStart.remove(b),
        rest.isEmpty() ? byOwner.remove(b.ownerId()) : byOwner.put(b.ownerId(), List.copyOf(rest)), null);
  }

  private Schedule without(String ownerId) {
    Schedule next = this;
    for (Block b : blocksOf(ownerId)) {
      next = next.removed(b);
    }
    return next;
  }

  /** The owner's blocks with {@code b} added, in {@link #KEY_ORDER}. */
  private static List<Block> withBlock(List<Block> have, Block b) {
    if (have == null) {
      return List.of(b);
    }
    List<Block> both = new ArrayList<>(have);
    both.add(b);
    both.sort(KEY_ORDER);
    return List.copyOf(both);
  }

  /**
   * One block per owner, or two BOOKING blocks at different times (a move in flight, {@link #placeBeside}); returns
   * each owner's blocks in the order given.
   */
  private static Map<String, List<Block>> requireUniqueOwners(List<Block> blocks) {
    Map<String, List<Block>> byOwner = new HashMap<>();
    for (Block b : blocks) {
      List<Block> same = byOwner.computeIfAbsent(b.ownerId(), k -> new ArrayList<>(1));
      same.add(b);
      if (same.size() > 2 || (same.size() == 2 && (b.kind() != Block.Kind.BOOKING
          || same.get(0).kind() != Block.Kind.BOOKING || same.get(0).booked().equals(b.booked())))) {
        throw new IllegalArgumentException("two blocks have the same owner " + b.ownerId());
      }
    }
    return byOwner;
  }

  private static void requireNoOverlap(List<Block> sorted) {
    Block clash = firstOverlap(sorted);
    if (clash != null) {
      throw new IllegalStateException("schedule invariant violated: " + clash.ownerId() + " overlaps another block");
    }
  }

  /**
   * One sweep in start order: a block clashes if it starts before the latest end of an earlier BOOKING block, or, if
   * it is itself a BOOKING block, before the latest end of any earlier block. O(n) on a sorted list.
   */
  private static Block firstOverlap(List<Block> sortedBlocks) {
    List<Block> sorted = ownersMerged(sortedBlocks);
    Instant maxEndAll = Instant.MIN;
    Instant maxEndBooking = Instant.MIN;
    for (Block b : sorted) {
      Instant start = b.span().start();
      boolean booking = b.kind() == Block.Kind.BOOKING;
      if (start.isBefore(maxEndBooking) || (booking && start.isBefore(maxEndAll))) {
        return b;
      }
      if (b.span().end().isAfter(maxEndAll)) {
        maxEndAll = b.span().end();
      }
      if (booking && b.span().end().isAfter(maxEndBooking)) {
        maxEndBooking = b.span().end();
      }
    }
    return null;
  }

  /**
   * For the sweep: an owner's two blocks that overlap each other (a move in flight) count as one block over both
   * spans, which another owner's block overlaps exactly when it overlaps either. Keeps the start order (the merged
   * block starts where the earlier one does). The usual schedule, one block per owner, is returned as it is.
   */
  private static List<Block> ownersMerged(List<Block> sorted) {
    Map<String, Integer> at = new HashMap<>();
    List<Block> out = null;
    for (int i = 0; i < sorted.size(); i++) {
      Block b = sorted.get(i);
      Integer earlier = at.putIfAbsent(b.ownerId(), out == null ? i : out.size());
      if (earlier == null || !(out == null ? sorted.get(earlier) : out.get(earlier)).span().overlaps(b.span())) {
        if (out != null) {
          out.add(b);
        }
        continue;
      }
      if (out == null) {
        out = new ArrayList<>(sorted.subList(0, i));
      }
      Block first = out.get(earlier);
      Instant end = first.span().end().isAfter(b.span().end()) ? first.span().end() : b.span().end();
      out.set(earlier, new Block(first.ownerId(), first.kind(), first.bookingTypeId(), first.booked(),
          new TimeRange(first.span().start(), end), null, first.placedAt()));
    }
    return out == null ? sorted : out;
  }
}
