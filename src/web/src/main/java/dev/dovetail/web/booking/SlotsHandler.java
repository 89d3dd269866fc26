package dev.dovetail.web.booking;

import dev.dovetail.booking.port.in.ListAvailability;
import dev.dovetail.booking.port.in.SlotQuery;
import dev.dovetail.web.codec.TimeCodec;
import dev.dovetail.web.http.ApiProblem;
import dev.dovetail.web.http.Requests;
import dev.dovetail.web.http.Responses;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code GET /api/v1/public/booking-types/{bookingTypeId}/slots?from=&to=&tz=[&duration=][&slots=false]}: free slots for the
 * viewer's dates {@code [from, to)} in the viewer's zone, with each date's state (free, full or closed) for the
 * booking page's month view (ADR 55).
 */
public final class SlotsHandler {

  private final ListAvailability availability;

  public SlotsHandler(ListAvailability availability) {
    this.availability = availability;
  }

  public void list(RoutingContext ctx) {
    LocalDate from = TimeCodec.date(Requests.query(ctx, "from"), "from");
    LocalDate to = TimeCodec.date(Requests.query(ctx, "to"), "to");
    if (!to.isAfter(from)) {
      throw ApiProblem.badRequest("'to' (exclusive) must be after 'from': " + from + " .. " + to);
    }
    ZoneId zone = TimeCodec.zone(Requests.query(ctx, "tz"), "tz");
    int minutes = Requests.queryInt(ctx, "duration", 0);
    Duration duration = minutes == 0 ? null : Duration.ofMinutes(minutes);
    SlotQuery query = new SlotQuery(Requests.path(ctx, "bookingTypeId"), from, to, zone, duration);
    boolean withSlots = !"false".equals(Requests.query(ctx, "slots"));
    Responses.respond(ctx, availability.freeTime(query), 200, free -> SlotCodec.slotList(
        withSlots ? free.slots() : List.of(), zone, from, to, duration == null ? null : duration.toMinutes())
        .put("days", SlotCodec.days(free.days())));
  }
}
