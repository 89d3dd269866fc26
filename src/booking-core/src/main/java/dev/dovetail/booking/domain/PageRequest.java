package dev.dovetail.booking.domain;

/**
 * Which page to read: items after the {@code cursor} (null for the first page), at most {@code limit} of them.
 * Cursors are keyset positions, so pages stay stable while items are added.
 */
public record PageRequest(String cursor, int limit) {

  public static final int MAX_LIMIT = 200;
  public static final int DEFAULT_LIMIT = 50;

  public PageRequest {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidRequestException("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
    }
  }

  public static PageRequest first(int limit) {
    return new PageRequest(null, limit);
  }
}
