package dev.dovetail.sync.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a connector read since a sync token, every page of it: the changes in the order read, and the token for the
 * next incremental read. {@code full} marks a complete listing (no token was given): everything of the calendar that
 * is not in it is gone. {@code changedAt} holds, for the changes whose service said so, when each was last modified
 * there (Google's {@code updated}, Graph's {@code lastModifiedDateTime}): the start of the sync lag.
 */
public record ChangeSet(List<ExternalChange> changes, String nextToken, boolean full, List<Instant> changedAt) {

  public ChangeSet {
    changes = List.copyOf(changes);
    Objects.requireNonNull(nextToken, "nextToken");
    changedAt = List.copyOf(changedAt);
  }

  /** Changes whose modification times are unknown. */
  public ChangeSet(List<ExternalChange> changes, String nextToken, boolean full) {
    this(changes, nextToken, full, List.of());
  }
}
