package dev.dovetail.booking.port.in;

/**
 * What one of the viewer's dates offers, for the booking page's month view: {@code FREE} (at least one free time),
 * {@code FULL} (bookable hours, all taken: the waitlist's days) or {@code CLOSED} (nothing to book even on an empty
 * calendar: outside the hours, a holiday or closed day, inside the notice or beyond the horizon, or past).
 */
public enum DayState {
  FREE, FULL, CLOSED
}
