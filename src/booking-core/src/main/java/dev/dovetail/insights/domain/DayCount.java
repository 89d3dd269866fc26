package dev.dovetail.insights.domain;

import java.time.LocalDate;

/** Bookings starting on one local date of the provider: confirmed (no-shows included) and cancelled. */
public record DayCount(LocalDate date, int confirmed, int cancelled) {}
