package dev.dovetail.outlook;

import dev.dovetail.booking.domain.Secrets;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * One entry of a Graph notification POST: a change to a subscribed calendar ({@code lifecycleEvent} null) or a
 * lifecycle event ({@code missed}, {@code subscriptionRemoved}, {@code reauthorizationRequired}). Graph sends the
 * subscription's clientState with each; a receiver keeps only those whose clientState hashes to the stored one.
 */
public record GraphNotification(String subscriptionId, String clientState, String changeType, String resource,
    String lifecycleEvent) {

  public GraphNotification {
    Objects.requireNonNull(subscriptionId, "subscriptionId");
  }

  static GraphNotification from(JsonObject json) {
    String subscriptionId = json.getString("subscriptionId");
    if (subscriptionId == null || subscriptionId.isBlank()) {
      throw new IllegalArgumentException("a notification without subscriptionId");
    }
    return new GraphNotification(subscriptionId, json.getString("clientState"), json.getString("changeType"),
        json.getString("resource"), json.getString("lifecycleEvent"));
  }

  public boolean isLifecycle() {
    return lifecycleEvent != null;
  }

  /** True when the notification carries the secret the subscription was created with (not spoofed). */
  public boolean hasSecret(String secretHash) {
    return clientState != null && secretHash != null && Secrets.matches(clientState, secretHash);
  }
}
