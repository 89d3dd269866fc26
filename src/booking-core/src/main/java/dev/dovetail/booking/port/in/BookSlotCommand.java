package dev.dovetail.booking.port.in;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A customer asks for {@code start} (and, with {@code weeklyOccurrences} > 1, the same time on the following weeks,
 * all or nothing). {@code hold} asks for a temporary hold (while paying) instead of a confirmed booking. A null
 * duration means the type's default.
 */
public record BookSlotCommand(
    String bookingTypeId,
    Instant start,
    Duration duration,
    ZoneId customerZone,
    String customerName,
    String customerEmail,
    boolean hold,
    int weeklyOccurrences) {}
