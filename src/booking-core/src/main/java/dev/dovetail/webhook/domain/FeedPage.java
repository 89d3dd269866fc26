package dev.dovetail.webhook.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a provider's event feed and the cursor to read on from ({@code next}). Positions come from a counter
 * taken before the event is inserted, so a later position can be stored before an earlier one: a reader that moved
 * its cursor past the earlier one would never see it. A page therefore ends before a gap in the positions while the
 * event after the gap is younger than {@link #SETTLE}; an older gap is a position that will never be filled (an event
 * recorded twice keeps its first position, a node died between the counter and the insert) and is passed over.
 */
public record FeedPage(List<WebhookEvent> events, long next) {

  /** How long a missing position may still be filled: an insert lands within this of the next event's recording. */
  public static final Duration SETTLE = Duration.ofSeconds(30);

  /** A stored event and when it was recorded (its position taken just after). */
  public record Entry(WebhookEvent event, Instant recordedAt) {}

  public FeedPage {
    events = List.copyOf(events);
  }

  /**
   * The page {@code stored} (events after {@code after}, in position order, test events included, since they take
   * positions too) gives at {@code now}: up to the first gap that may still be filled, without test events.
   */
  public static FeedPage of(long after, List<Entry> stored, Instant now) {
    Instant settled = now.minus(SETTLE);
    List<WebhookEvent> events = new ArrayList<>();
    long last = after;
    for (Entry entry : stored) {
      long position = entry.event().position();
      if (position > last + 1 && entry.recordedAt().isAfter(settled)) {
        break;
      }
      last = position;
      if (entry.event().type() != EventType.WEBHOOK_TEST) {
        events.add(entry.event());
      }
    }
    return new FeedPage(events, last);
  }
}
