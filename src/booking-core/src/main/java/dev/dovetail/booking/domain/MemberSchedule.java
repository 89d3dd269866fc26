package dev.dovetail.booking.domain;

import java.util.Objects;

/** One pool member as slot computation and assignment see it: the resource and its schedule, read together. */
public record MemberSchedule(Resource resource, Schedule schedule) {

  public MemberSchedule {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(schedule, "schedule");
  }
}
