package dev.dovetail.sync.domain;

import java.util.Objects;

/** An event as the external calendar stored it: its id there and its current etag (Graph: changeKey). */
public record WrittenEvent(String eventId, String etag) {

  public WrittenEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(etag, "etag");
  }
}
