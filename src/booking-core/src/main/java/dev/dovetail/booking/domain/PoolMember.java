package dev.dovetail.booking.domain;

/** One resource of a {@link ResourcePool}; a higher {@code priority} (0 to 100) is assigned first by ROUND_ROBIN. */
public record PoolMember(String resourceId, int priority) {

  public static final int MAX_PRIORITY = 100;

  public PoolMember {
    Ids.requireSlug(resourceId, "pool member resource id");
    if (priority < 0 || priority > MAX_PRIORITY) {
      throw new IllegalArgumentException("member priority must be between 0 and " + MAX_PRIORITY + ": " + priority);
    }
  }
}
