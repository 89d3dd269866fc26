package dev.dovetail.infra.mongo;

import java.time.Instant;
import java.util.Map;

/**
 * What the store says about the hub's work, read by {@link MongoStoreFigures} for the operators' metrics. Counts are
 * store-wide (every node of a cluster reads the same), never per tenant.
 *
 * @param outboxByState outbox messages per state ({@code PENDING}, {@code SENT}, {@code FAILED})
 * @param oldestPendingDue the due time of the oldest pending outbox message, null when none is pending
 * @param connections calendar connections per service key ({@code google}, {@code outlook}) and state
 *     ({@code CONNECTED}, {@code BROKEN}), keyed {@code service/state}
 * @param oldestSync per service key, the oldest last successful sync among its connected calendars (null if never)
 * @param syncErrors per service key, the calendars whose last sync failed
 * @param waitlistByStatus waitlist entries per status ({@code WAITING}, {@code OFFERED}, {@code BOOKED}, ...)
 * @param paymentsSettled payments that took money (state {@code PAID})
 * @param paymentsRefunded payments with a refund
 */
public record StoreFigures(
    Map<String, Long> outboxByState,
    Instant oldestPendingDue,
    Map<String, Long> connections,
    Map<String, Instant> oldestSync,
    Map<String, Long> syncErrors,
    Map<String, Long> waitlistByStatus,
    long paymentsSettled,
    long paymentsRefunded) {}
