package dev.dovetail.sync.domain;

import java.util.List;
import java.util.Objects;

/**
 * What a connector read since a sync token, every page of it: the changes in the order read, and the token for the
 * next incremental read. {@code full} marks a complete listing (no token was given): everything of the calendar that
 * is not in it is gone.
 */
public record ChangeSet(List<ExternalChange> changes, String nextToken, boolean full) {

  public ChangeSet {
    changes = List.copyOf(changes);
    Objects.requireNonNull(nextToken, "nextToken");
  }
}
