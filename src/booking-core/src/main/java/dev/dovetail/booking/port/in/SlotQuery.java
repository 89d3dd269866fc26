package dev.dovetail.booking.port.in;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

/** Free slots of a booking type for the viewer's dates {@code [from, to)} in {@code viewerZone}. */
public record SlotQuery(String bookingTypeId, LocalDate from, LocalDate to, ZoneId viewerZone, Duration duration) {}
