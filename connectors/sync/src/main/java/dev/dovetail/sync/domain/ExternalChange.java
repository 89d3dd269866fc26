package dev.dovetail.sync.domain;

import java.util.Objects;

/** One entry of a connector's change listing: an event (instance) that exists now, or one that is gone. */
public sealed interface ExternalChange {

  String calendarId();

  String eventId();

  /** The event or instance as it is now (new or changed; a listing may repeat unchanged ones). */
  record Upserted(ExternalEvent event) implements ExternalChange {
    public Upserted {
      Objects.requireNonNull(event, "event");
    }

    @Override
    public String calendarId() {
      return event.calendarId();
    }

    @Override
    public String eventId() {
      return event.eventId();
    }
  }

  /**
   * The event is deleted or cancelled: one instance when {@code instanceKey} is set, otherwise the event with every
   * instance. Removals carry only ids (deleted events arrive with hardly any fields).
   */
  record Removed(String calendarId, String eventId, String instanceKey) implements ExternalChange {
    public Removed {
      Objects.requireNonNull(calendarId, "calendarId");
      Objects.requireNonNull(eventId, "eventId");
    }
  }
}
