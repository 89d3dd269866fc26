package dev.dovetail.webhook.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A provider's URL that receives the events it subscribed to. {@code secrets} lists the current signing secret first,
 * then secrets replaced by a rotation that sign until their grace ends. {@code failingSince} is when the unbroken run
 * of failed deliveries began (null while healthy); {@code disabledReason} says why the hub disabled it (null if the
 * provider did, or it is enabled).
 */
public record WebhookEndpoint(
    String id,
    String providerId,
    String url,
    Set<EventType> events,
    String description,
    boolean enabled,
    List<SigningSecret> secrets,
    Instant failingSince,
    String disabledReason,
    Instant createdAt) {

  public static final int MAX_DESCRIPTION = 200;
  public static final int MAX_SECRETS = 3;

  public WebhookEndpoint {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(url, "url");
    events = Set.copyOf(events);
    secrets = List.copyOf(secrets);
    Objects.requireNonNull(createdAt, "createdAt");
    if (events.isEmpty() || events.stream().anyMatch(t -> !t.subscribable())) {
      throw new IllegalArgumentException("an endpoint subscribes to at least one event type, not webhook.test");
    }
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("an endpoint has a signing secret");
    }
    if (description != null && description.length() > MAX_DESCRIPTION) {
      throw new IllegalArgumentException("description is at most " + MAX_DESCRIPTION + " characters");
    }
  }

  public SigningSecret currentSecret() {
    return secrets.get(0);
  }

  public boolean wants(EventType type) {
    return enabled && events.contains(type);
  }

  /** A new current secret; the old ones keep signing until {@code now + grace}, expired ones are dropped. */
  public WebhookEndpoint rotated(SigningSecret fresh, Instant now, Duration grace) {
    List<SigningSecret> next = new ArrayList<>();
    next.add(fresh);
    for (SigningSecret old : secrets) {
      if (old.validAt(now) && next.size() < MAX_SECRETS) {
        Instant end = now.plus(grace);
        next.add(old.expiresAt() == null || old.expiresAt().isAfter(end) ? old.expiringAt(end) : old);
      }
    }
    return new WebhookEndpoint(id, providerId, url, events, description, enabled, next, failingSince, disabledReason,
        createdAt);
  }

  public WebhookEndpoint edited(String newUrl, Set<EventType> newEvents, String newDescription, boolean nowEnabled) {
    boolean reEnabled = nowEnabled && !enabled;
    return new WebhookEndpoint(id, providerId, newUrl, newEvents, newDescription, nowEnabled, secrets,
        reEnabled ? null : failingSince, nowEnabled ? null : disabledReason, createdAt);
  }

  /** A delivery succeeded: healthy again. */
  public WebhookEndpoint succeeded() {
    return failingSince == null ? this : withHealth(enabled, null, disabledReason);
  }

  /** A delivery attempt failed at {@code now}: the failing run starts if it had not. */
  public WebhookEndpoint failed(Instant now) {
    return failingSince != null ? this : withHealth(enabled, now, disabledReason);
  }

  public WebhookEndpoint disabledByHub(String reason) {
    return withHealth(false, failingSince, reason);
  }

  private WebhookEndpoint withHealth(boolean on, Instant since, String reason) {
    return new WebhookEndpoint(id, providerId, url, events, description, on, secrets, since, reason, createdAt);
  }
}
