package dev.dovetail.web.http;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-client-address token buckets (bucket4j) on the open operations, checked before the body is read. Each open
 * operation costs its contract's {@code x-rate-cost} (sign-up and log-in cost more, since each runs a slow password
 * hash). The bucket table is an LRU bounded at {@link #MAX_CLIENTS} entries so that many addresses cannot exhaust
 * memory. The client address is the one {@link ClientAddressHandler} resolved (the TCP peer, or behind trusted proxies
 * the right-most untrusted hop of {@code X-Forwarded-For}). Buckets refill on the hub's clock, so a test that owns the
 * clock owns the refill too.
 */
public final class RateLimitHandler implements PlatformHandler {

  static final int MAX_CLIENTS = 100_000;

  private final Operations operations;
  private final int perMinute;
  private final TimeMeter time;
  private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
      return size() > MAX_CLIENTS;
    }
  };

  public RateLimitHandler(Operations operations, int perMinute, Clock clock) {
    this.operations = operations;
    this.perMinute = perMinute;
    this.time = new TimeMeter() {
      @Override
      public long currentTimeNanos() {
        return clock.millis() * 1_000_000L;
      }

      @Override
      public boolean isWallClockBased() {
        return true;
      }
    };
  }

  @Override
  public void handle(RoutingContext ctx) {
    Operations.Info op = operations.lookup(ctx);
    if (!op.open() || op.rateCost() <= 0) {
      ctx.next();
      return;
    }
    consume(ctx, op.rateCost());
  }

  /**
   * Takes {@code cost} tokens from the client's bucket and continues, or fails the request with 429. Also used for
   * the unauthenticated routes outside the contract ({@code /webcal/...}, {@code /hooks/...}).
   */
  public void consume(RoutingContext ctx, int cost) {
    ConsumptionProbe probe =
        bucket(ClientAddressHandler.of(ctx)).tryConsumeAndReturnRemaining(Math.min(cost, perMinute));
    if (probe.isConsumed()) {
      ctx.response().putHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
      ctx.next();
    } else {
      long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
      ctx.fail(ApiProblem.tooManyRequests(seconds));
    }
  }

  private Bucket bucket(String client) {
    synchronized (buckets) {
      return buckets.computeIfAbsent(client, k -> Bucket.builder().withCustomTimePrecision(time)
          .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
          .build());
    }
  }
}
