package dev.dovetail.webhook.port.out;

import dev.dovetail.booking.domain.Booking;
import io.vertx.core.json.JsonObject;

/** The objects as the API shows them, for event payloads (the same view the REST routes answer with). */
public interface EventViews {

  JsonObject booking(Booking booking);
}
