package dev.dovetail.web.booking;

import dev.dovetail.booking.port.in.ScheduleView;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.web.codec.TimeCodec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A provider's {@link ScheduleView} as {@code GET /api/v1/schedule} answers it. */
public final class ScheduleCodec {

  private ScheduleCodec() {}

  public static JsonObject toJson(ScheduleView view) {
    JsonArray resources = new JsonArray();
    for (ScheduleView.ResourceSchedule r : view.resources()) {
      JsonArray open = new JsonArray();
      r.open().forEach(range -> open.add(range(range)));
      JsonArray entries = new JsonArray();
      r.entries().forEach(e -> entries.add(entry(e)));
      resources.add(new JsonObject()
          .put("resourceId", r.resourceId())
          .put("name", r.name())
          .put("timeZone", r.zone().getId())
          .put("open", open)
          .put("entries", entries));
    }
    return new JsonObject()
        .put("from", TimeCodec.instantText(view.window().start()))
        .put("to", TimeCodec.instantText(view.window().end()))
        .put("complete", view.complete())
        .put("resources", resources);
  }

  private static JsonObject entry(ScheduleView.Entry e) {
    return range(e.time())
        .put("kind", e.kind().name())
        .put("blockedStart", TimeCodec.instantText(e.span().start()))
        .put("blockedEnd", TimeCodec.instantText(e.span().end()))
        .put("bookingId", e.bookingId())
        .put("bookingTypeId", e.bookingTypeId())
        .put("holdExpiresAt", e.expiresAt() == null ? null : TimeCodec.instantText(e.expiresAt()))
        .put("source", e.source())
        .put("clash", e.clash() == null ? null : e.clash().name());
  }

  private static JsonObject range(TimeRange range) {
    return new JsonObject()
        .put("start", TimeCodec.instantText(range.start()))
        .put("end", TimeCodec.instantText(range.end()));
  }
}
