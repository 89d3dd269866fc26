package dev.dovetail.booking.domain;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The resources a pooled booking type offers together (ADR 43). {@link Mode#ANY}: a slot is offered when one member
 * is free, and a booking is assigned one free member by {@code assignment} (or the customer's pick, where {@code
 * customerMayPick}). {@link Mode#ALL}: a slot is offered when every member is free, and a booking blocks all of them.
 * {@code members} are in the provider's order (the order FIRST_FREE tries them); {@code balanceWindow} is how far
 * either side of a slot ROUND_ROBIN counts each member's bookings. At most {@link #MAX_MEMBERS} members, which bounds
 * the cost of one request (one schedule read, and for ALL one lock and one write, per member).
 */
public record ResourcePool(
    Mode mode, List<PoolMember> members, Assignment assignment, boolean customerMayPick, Duration balanceWindow) {

  public static final int MAX_MEMBERS = 20;
  public static final Duration DEFAULT_BALANCE_WINDOW = Duration.ofDays(14);
  public static final Duration MAX_BALANCE_WINDOW = Duration.ofDays(366);

  public enum Mode {
    /** Any one free member, assigned per booking. */
    ANY,
    /** Every member together, blocked atomically. */
    ALL
  }

  /** How an ANY pool picks among the members free at the booked time. */
  public enum Assignment {
    /** The highest priority first; among equals, the fewest bookings of the type in the balance window; then order. */
    ROUND_ROBIN,
    /** The first free member in the provider's order. */
    FIRST_FREE
  }

  public ResourcePool {
    Objects.requireNonNull(mode, "pool mode");
    Objects.requireNonNull(assignment, "pool assignment");
    members = List.copyOf(Objects.requireNonNull(members, "pool members"));
    if (members.size() < 2 || members.size() > MAX_MEMBERS) {
      throw new IllegalArgumentException("a pool needs 2 to " + MAX_MEMBERS + " members: " + members.size());
    }
    Set<String> seen = new HashSet<>();
    for (PoolMember member : members) {
      if (!seen.add(member.resourceId())) {
        throw new IllegalArgumentException("a pool names each resource once: " + member.resourceId());
      }
    }
    Objects.requireNonNull(balanceWindow, "balance window");
    if (balanceWindow.compareTo(Duration.ofDays(1)) < 0 || balanceWindow.compareTo(MAX_BALANCE_WINDOW) > 0) {
      throw new IllegalArgumentException("balance window must be between 1 and 366 days: " + balanceWindow);
    }
    if (mode == Mode.ALL && customerMayPick) {
      throw new IllegalArgumentException("an ALL pool books every member: there is nothing to pick");
    }
  }

  public List<String> resourceIds() {
    return members.stream().map(PoolMember::resourceId).toList();
  }

  public boolean contains(String resourceId) {
    return members.stream().anyMatch(m -> m.resourceId().equals(resourceId));
  }

  public int priorityOf(String resourceId) {
    return members.stream().filter(m -> m.resourceId().equals(resourceId)).findFirst()
        .map(PoolMember::priority).orElse(0);
  }

  /** The order in which an ALL booking locks and writes its members: by resource id, the same on every node. */
  public List<String> lockOrder() {
    return resourceIds().stream().sorted().toList();
  }
}
