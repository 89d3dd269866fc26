package dev.dovetail.booking.port.in;

import dev.dovetail.booking.domain.Slot;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

/** The free slots of a {@link SlotQuery} and the state of each of its dates, in date order. */
public record FreeTime(List<Slot> slots, SortedMap<LocalDate, DayState> days) {}
