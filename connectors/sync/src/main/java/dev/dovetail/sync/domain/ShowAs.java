package dev.dovetail.sync.domain;

/**
 * How an external event shows its owner's time. Google has opaque (BUSY) and transparent (FREE); Outlook's
 * {@code showAs} has all five. {@link BusyPolicy} decides which of them block bookings.
 */
public enum ShowAs {
  FREE,
  TENTATIVE,
  BUSY,
  OUT_OF_OFFICE,
  WORKING_ELSEWHERE
}
