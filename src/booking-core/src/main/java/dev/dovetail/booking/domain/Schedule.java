package dev.dovetail.booking.domain;

import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

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

  private final String resourceId;
  private final long revision;
  private final List<Block> blocks;

  public Schedule(String resourceId, long revision, List<Block> blocks) {
    this.resourceId = Objects.requireNonNull(resourceId, "resourceId");
    this.revision = revision;
    List<Block> sorted = new ArrayList<>(blocks);
    sorted.sort(ORDER);
    requireUniqueOwners(sorted);
    requireNoOverlap(sorted);
    this.blocks = List.copyOf(sorted);
  }

  /**
   * For mutations only: {@code sorted} is in {@link #ORDER} and was derived from a checked schedule by removing or
   * confirming blocks (which cannot create an overlap or a duplicate owner), or was checked by {@link #with} itself.
   */
  private Schedule(String resourceId, long revision, Block[] sorted) {
    this.resourceId = resourceId;
    this.revision = revision;
    this.blocks = List.of(sorted);
  }

  /** The same blocks at another store revision (the repository stamps the revision it wrote); no re-check needed. */
  public Schedule atRevision(long newRevision) {
    return new Schedule(resourceId, newRevision, blocks.toArray(new Block[0]));
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

  public List<Block> blocks() {
    return blocks;
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
    Block[] next = new Block[base.blocks.size() + 1];
    base.blocks.toArray(next);
    next[next.length - 1] = added;
    Arrays.sort(next, ORDER);
    if (firstOverlap(Arrays.asList(next)) != null) {
      throw new SlotUnavailableException("the requested time overlaps existing bookings or busy time",
          List.of(added.booked()));
    }
    return new Schedule(resourceId, revision, next);
  }

  /**
   * Frees the owner's blocks booked at any other time than {@code kept} (the end of a move, or its undoing); if none
   * of its blocks is at {@code kept}, changes nothing, so an owner never loses its last block this way.
   */
  public Schedule keepOnly(String ownerId, TimeRange kept, Instant now) {
    Schedule base = pruned(now);
    if (base.blocksOf(ownerId).stream().noneMatch(b -> b.booked().equals(kept))) {
      return base;
    }
    return new Schedule(resourceId, revision, base.blocks.stream()
        .filter(b -> !b.ownerId().equals(ownerId) || b.booked().equals(kept)).toArray(Block[]::new));
  }

  /** Turns a live hold into a firm block; fails if the hold has expired. */
  public Schedule confirm(String ownerId, Instant now) {
    Schedule base = pruned(now);
    Block hold = base.find(ownerId).orElseThrow(() -> new ConflictException("the hold on " + ownerId + " has expired"));
    Block[] next = base.blocks.toArray(Block[]::new);
    for (int i = 0; i < next.length; i++) {
      if (next[i].ownerId().equals(hold.ownerId())) {
        next[i] = next[i].confirmed(); // same span and owner: order and invariant are unchanged
      }
    }
    return new Schedule(resourceId, revision, next);
  }

  /** This schedule without expired holds and without blocks that ended more than {@link #RETENTION} ago. */
  public Schedule pruned(Instant now) {
    Instant horizon = now.minus(RETENTION);
    Predicate<Block> keep = b -> !b.isExpiredAt(now) && b.span().end().isAfter(horizon);
    for (Block b : blocks) {
      if (!keep.test(b)) {
        return new Schedule(resourceId, revision, blocks.stream().filter(keep).toArray(Block[]::new));
      }
    }
    return this;
  }

  public Optional<Block> find(String ownerId) {
    return blocks.stream().filter(b -> b.ownerId().equals(ownerId)).findFirst();
  }

  /** The owner's blocks: one, or two while a move over several resources is in flight. */
  public List<Block> blocksOf(String ownerId) {
    return blocks.stream().filter(b -> b.ownerId().equals(ownerId)).toList();
  }

  /** The earliest expiry of a hold still live at {@code now} ({@link Instant#MAX} if none), when its time frees. */
  public Instant nextExpiry(Instant now) {
    Instant next = Instant.MAX;
    for (Block block : blocks) {
      if (block.expiresAt() != null && !block.isExpiredAt(now) && block.expiresAt().isBefore(next)) {
        next = block.expiresAt();
      }
    }
    return next;
  }

  /** The blocking spans live at {@code now}, indexed for O(log n) overlap queries. */
  public IntervalIndex index(Instant now) {
    return new IntervalIndex(blocks.stream().filter(b -> !b.isExpiredAt(now)).map(Block::span).toList());
  }

  /** Checks the whole result once (one sort of an almost sorted array, one sweep): O(n + k log k). */
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
    Block[] next = new Block[blocks.size() + added.size()];
    blocks.toArray(next);
    for (int i = 0; i < added.size(); i++) {
      next[blocks.size() + i] = Objects.requireNonNull(added.get(i), "block");
    }
    Arrays.sort(next, ORDER);
    if (firstOverlap(Arrays.asList(next)) != null) {
      List<TimeRange> requested = added.stream().map(Block::booked).toList();
      throw new SlotUnavailableException("the requested time overlaps existing bookings or busy time", requested);
    }
    return new Schedule(resourceId, revision, next);
  }

  private Schedule without(String ownerId) {
    return new Schedule(resourceId, revision,
        blocks.stream().filter(b -> !b.ownerId().equals(ownerId)).toArray(Block[]::new));
  }

  /** One block per owner, or two BOOKING blocks at different times (a move in flight, {@link #placeBeside}). */
  private static void requireUniqueOwners(List<Block> blocks) {
    Map<String, List<Block>> byOwner = new HashMap<>();
    for (Block b : blocks) {
      List<Block> same = byOwner.computeIfAbsent(b.ownerId(), k -> new ArrayList<>(1));
      same.add(b);
      if (same.size() > 2 || (same.size() == 2 && (b.kind() != Block.Kind.BOOKING
          || same.get(0).kind() != Block.Kind.BOOKING || same.get(0).booked().equals(b.booked())))) {
        throw new IllegalArgumentException("two blocks have the same owner " + b.ownerId());
      }
    }
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
