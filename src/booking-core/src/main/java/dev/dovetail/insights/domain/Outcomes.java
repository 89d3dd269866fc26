package dev.dovetail.insights.domain;

/**
 * How the bookings starting in the range ended up: {@code total} of every status; {@code confirmed} includes the
 * {@code noShows} (confirmed bookings whose customer was marked as not coming).
 */
public record Outcomes(int total, int confirmed, int cancelled, int expired, int held, int noShows) {}
