package dev.dovetail.bench.load;

import dev.dovetail.booking.domain.Provider;
import dev.dovetail.infra.mongo.EmbeddedMongo;
import dev.dovetail.infra.mongo.MongoStore;
import dev.dovetail.webhook.domain.EventType;
import dev.dovetail.webhook.domain.SigningSecret;
import dev.dovetail.webhook.domain.WebhookEndpoint;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What one lookup of a provider by id, and one list of a provider's webhook endpoints, cost on the embedded store on
 * disk as the number of tenants grows (issue 17, ADR 80): every request of a booking or CalDAV client reads its
 * provider, resource and booking type by id and "not retired" (ADR 22), and every booking change lists its provider's
 * endpoints. Seeds {@code tenants} providers with one endpoint each, then times {@code lookups} of each, one at a time,
 * through the hub's repositories and the real driver.
 *
 * <p>Run: {@code java -cp "$CP" dev.dovetail.bench.load.TenantLookupCost [tenants] [lookups]}, default 10000 and 2000.
 * It uses only the store's public API, not {@code BenchHub} (whose clean-up it repeats), so that it compiles against
 * the jar of a commit from before it, for the "before" side (docs/benchmarks.md).
 */
public final class TenantLookupCost {

  private TenantLookupCost() {}

  public static void main(String[] args) throws Exception {
    int tenants = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int lookups = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    Path dir = Files.createTempDirectory("dovetail-bench-tenants");
    Vertx vertx = Vertx.vertx();
    try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir)) {
      MongoStore store = MongoStore.connect(vertx, mongo.connectionString(), "dovetail", mongo::commitAsync).await();
      Instant now = Instant.parse("2026-01-05T09:00:00Z");
      for (int from = 0; from < tenants; from += 500) {
        List<Future<Void>> batch = new ArrayList<>();
        for (int i = from; i < Math.min(tenants, from + 500); i++) {
          batch.add(store.providers().insert(new Provider("tenant-" + i, "Tenant " + i, "t" + i + "@example.com",
              ZoneId.of("Europe/Berlin"), now)));
          batch.add(store.webhookEndpoints().save(new WebhookEndpoint("endpoint-" + i, "tenant-" + i,
              "https://t" + i + ".example.com/hook", Set.of(EventType.BOOKING_CREATED), null, true,
              List.of(SigningSecret.generate(now)), null, null, now)));
        }
        Future.all(batch).await();
      }
      for (int round = 1; round <= 2; round++) {
        long started = System.nanoTime();
        for (int i = 0; i < lookups; i++) {
          String id = "tenant-" + (int) ((i * 7919L) % tenants);
          if (store.providers().findById(id).await().isEmpty()) {
            throw new IllegalStateException(id + " not found");
          }
        }
        double micros = (System.nanoTime() - started) / 1e3 / lookups;
        System.out.printf("round %d: %d tenants, %d lookups, %.0f µs per lookup%n", round, tenants, lookups, micros);
        started = System.nanoTime();
        for (int i = 0; i < lookups; i++) {
          String id = "tenant-" + (int) ((i * 7919L) % tenants);
          if (store.webhookEndpoints().list(id).await().size() != 1) {
            throw new IllegalStateException(id + " has not one endpoint");
          }
        }
        micros = (System.nanoTime() - started) / 1e3 / lookups;
        System.out.printf("round %d: %d tenants, %d endpoint lists, %.0f µs per list%n", round, tenants, lookups,
            micros);
      }
      store.close().await();
    } finally {
      vertx.close().await();
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
  }
}
