package dev.dovetail.sync.domain;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A provider's link to one external calendar account. {@code sealedRefreshToken} is the OAuth refresh token encrypted
 * by {@link TokenCipher} (never stored in clear). {@code blocking} maps each external calendar the provider chose to
 * the resources whose availability it blocks; {@code targetCalendarId} receives the provider's bookings (none when
 * null). One connection per provider and calendar service: its id is {@code <service>-<providerId>}.
 */
public record Connection(
    String id,
    String providerId,
    CalendarProvider provider,
    String account,
    ConnectionState state,
    String brokenReason,
    String sealedRefreshToken,
    Map<String, Set<String>> blocking,
    String targetCalendarId,
    UnreachablePolicy whenUnreachable,
    Instant connectedAt,
    Instant updatedAt) {

  public Connection {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(sealedRefreshToken, "sealedRefreshToken");
    Objects.requireNonNull(whenUnreachable, "whenUnreachable");
    Objects.requireNonNull(connectedAt, "connectedAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    blocking.forEach((calendar, resources) -> {
      if (!resources.isEmpty()) {
        copy.put(calendar, Set.copyOf(resources));
      }
    });
    blocking = Map.copyOf(copy);
  }

  public static String idOf(CalendarProvider provider, String providerId) {
    return provider.key() + "-" + providerId;
  }

  /** A fresh connection right after the OAuth grant: nothing chosen yet, nothing blocks, nothing is written. */
  public static Connection granted(String providerId, CalendarProvider provider, String account,
      String sealedRefreshToken, Instant now) {
    return new Connection(idOf(provider, providerId), providerId, provider, account, ConnectionState.CONNECTED, null,
        sealedRefreshToken, Map.of(), null, UnreachablePolicy.ACCEPT_LAST_SYNCED, now, now);
  }

  public boolean connected() {
    return state == ConnectionState.CONNECTED;
  }

  /** The external calendars that block {@code resourceId}. */
  public List<String> calendarsBlocking(String resourceId) {
    return blocking.entrySet().stream().filter(e -> e.getValue().contains(resourceId)).map(Map.Entry::getKey)
        .sorted().toList();
  }

  /** Every calendar that is synced inbound. */
  public Set<String> blockingCalendars() {
    return blocking.keySet();
  }

  public Connection broken(String reason, Instant now) {
    return new Connection(id, providerId, provider, account, ConnectionState.BROKEN, reason, sealedRefreshToken,
        blocking, targetCalendarId, whenUnreachable, connectedAt, now);
  }

  /** Connected again with a new grant; the calendar choices are kept. */
  public Connection regranted(String newAccount, String newSealedRefreshToken, Instant now) {
    return new Connection(id, providerId, provider, newAccount, ConnectionState.CONNECTED, null, newSealedRefreshToken,
        blocking, targetCalendarId, whenUnreachable, now, now);
  }

  /** The same connection holding a rotated refresh token. */
  public Connection withRefreshToken(String newSealedRefreshToken, Instant now) {
    return new Connection(id, providerId, provider, account, state, brokenReason, newSealedRefreshToken, blocking,
        targetCalendarId, whenUnreachable, connectedAt, now);
  }

  public Connection choosing(Map<String, Set<String>> newBlocking, String newTarget, UnreachablePolicy policy,
      Instant now) {
    return new Connection(id, providerId, provider, account, state, brokenReason, sealedRefreshToken, newBlocking,
        newTarget, policy, connectedAt, now);
  }

  /** All resources blocked by any calendar of this connection. */
  public Set<String> blockedResources() {
    Set<String> all = new HashSet<>();
    blocking.values().forEach(all::addAll);
    return all;
  }
}
