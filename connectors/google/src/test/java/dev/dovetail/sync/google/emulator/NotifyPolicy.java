package dev.dovetail.sync.google.emulator;

/**
 * How push notifications misbehave (https://developers.google.com/workspace/calendar/api/guides/push): delivered
 * {@code delayMs} after the change (plus up to {@code jitterMs}, which reorders them), dropped or duplicated at random,
 * message numbers increasing by random gaps; with {@code visibilityDelayMs} a change made "as the user" is notified at
 * once but becomes readable only that much later; with {@code syncBeforeResponse} the {@code sync} message is posted
 * before the watch answer.
 */
public record NotifyPolicy(long delayMs, long jitterMs, double dropRate, double duplicateRate,
    long visibilityDelayMs, boolean syncBeforeResponse) {

  public static final NotifyPolicy PROMPT = new NotifyPolicy(0, 0, 0, 0, 0, false);

  public static NotifyPolicy dropAll() {
    return new NotifyPolicy(0, 0, 1.0, 0, 0, false);
  }
}
