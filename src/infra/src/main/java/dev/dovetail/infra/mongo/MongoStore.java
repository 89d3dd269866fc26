package dev.dovetail.infra.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoCommandException;
import dev.dovetail.account.port.out.AccountRepository;
import dev.dovetail.account.port.out.CredentialRepository;
import dev.dovetail.booking.port.out.BookingRepository;
import dev.dovetail.booking.port.out.BookingTypeRepository;
import dev.dovetail.booking.port.out.ProviderRepository;
import dev.dovetail.booking.port.out.ResourceRepository;
import dev.dovetail.booking.port.out.ScheduleRepository;
import dev.dovetail.calendar.port.out.CalendarObjectRepository;
import dev.dovetail.calendar.port.out.ScheduleRevisions;
import dev.dovetail.infra.mongo.h2.KeyOrderedH2Backend;
import dev.dovetail.notification.port.out.MailArchive;
import dev.dovetail.notification.port.out.OutboxRepository;
import dev.dovetail.payment.port.out.PaymentRepository;
import dev.dovetail.waitlist.port.out.WaitlistRepository;
import dev.dovetail.webhook.port.out.WebhookEndpointRepository;
import dev.dovetail.webhook.port.out.WebhookEventRepository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexModel;
import io.vertx.ext.mongo.MongoClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;

/**
 * The MongoDB store: one Vert.x Mongo client (the official reactive-streams driver underneath) and the repositories
 * built on it. Works the same against a real MongoDB (replica set or standalone) and the embedded mongo-java-server:
 * only single-document atomic writes, {@code _id} lookups, simple filters, sort and limit; no transactions, change
 * streams or TTL. See docs/storage.md.
 *
 * <p>Durability: every write path awaits {@code commitAfterWrite} before its future succeeds. For the embedded store
 * pass {@link EmbeddedMongo#commitAsync}; for a real MongoDB pass {@link #NO_COMMIT}: writes then use write concern
 * {@code majority} with journaling (unless the connection string sets its own write concern).
 */
public final class MongoStore {

  /** Makes the writes acknowledged so far durable: the stage completes once they are (never blocks). */
  @FunctionalInterface
  public interface Durability {
    CompletionStage<Void> afterWrites();
  }

  /** The durability hook for a real MongoDB, whose write concern already makes an acknowledged write durable. */
  public static final Durability NO_COMMIT = () -> CompletableFuture.completedFuture(null);

  private final MongoSupport mongo;
  private final MongoScheduleRepository schedules;
  private final MongoBookingRepository bookings;
  private final MongoProviderRepository providers;
  private final MongoResourceRepository resources;
  private final MongoBookingTypeRepository bookingTypes;
  private final MongoAccountRepository accounts;
  private final MongoCredentialRepository credentials;
  private final MongoOutboxRepository outbox;
  private final MongoMailArchive mailSink;
  private final MongoCalendarObjectRepository calendars;
  private final MongoScheduleRevisions scheduleRevisions;
  private final MongoWaitlistRepository waitlist;
  private final MongoPaymentRepository payments;
  private final MongoSyncStore sync;
  private final MongoStoreFigures figures;
  private final MongoWebhookEndpointRepository webhookEndpoints;
  private final MongoWebhookEventRepository webhookEvents;

  private MongoStore(MongoSupport mongo, int scheduleAttempts, Clock clock) {
    this.mongo = mongo;
    this.schedules = new MongoScheduleRepository(mongo, scheduleAttempts, clock);
    this.bookings = new MongoBookingRepository(mongo);
    this.providers = new MongoProviderRepository(mongo);
    this.resources = new MongoResourceRepository(mongo);
    this.bookingTypes = new MongoBookingTypeRepository(mongo);
    this.accounts = new MongoAccountRepository(mongo);
    this.credentials = new MongoCredentialRepository(mongo);
    this.outbox = new MongoOutboxRepository(mongo);
    this.mailSink = new MongoMailArchive(mongo);
    this.calendars = new MongoCalendarObjectRepository(mongo);
    this.scheduleRevisions = new MongoScheduleRevisions(mongo);
    this.waitlist = new MongoWaitlistRepository(mongo);
    this.payments = new MongoPaymentRepository(mongo);
    this.sync = new MongoSyncStore(mongo);
    this.figures = new MongoStoreFigures(mongo);
    this.webhookEndpoints = new MongoWebhookEndpointRepository(mongo);
    this.webhookEvents = new MongoWebhookEventRepository(mongo);
  }

  /**
   * Connects, creates the indexes, and returns the store.
   *
   * @param connectionString a {@code mongodb://} URI, e.g. {@link EmbeddedMongo#connectionString()}
   * @param database the database name, e.g. {@code dovetail}
   * @param commitAfterWrite awaited after every write and before its future succeeds: {@link
   *     EmbeddedMongo#commitAsync} for the embedded store, {@link #NO_COMMIT} for a real MongoDB
   */
  public static Future<MongoStore> connect(
      Vertx vertx, String connectionString, String database, Durability commitAfterWrite) {
    return connect(vertx, connectionString, database, commitAfterWrite, Clock.systemUTC());
  }

  /** As above, with the clock that stamps the janitor's marks on schedules (ADR 82): the hub's. */
  public static Future<MongoStore> connect(
      Vertx vertx, String connectionString, String database, Durability commitAfterWrite, Clock clock) {
    return connect(vertx, connectionString, database, commitAfterWrite, MongoScheduleRepository.DEFAULT_MAX_ATTEMPTS,
        clock);
  }

  static Future<MongoStore> connect(Vertx vertx, String connectionString, String database,
      Durability commitAfterWrite, int scheduleAttempts, Clock clock) {
    Objects.requireNonNull(commitAfterWrite, "commitAfterWrite");
    JsonObject config;
    try {
      config = clientConfig(connectionString, database);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    MongoClient client = MongoClient.create(vertx, config);
    MongoStore store = new MongoStore(new MongoSupport(vertx, client, commitAfterWrite), scheduleAttempts,
        Objects.requireNonNull(clock, "clock"));
    return store.createIndexes()
        .compose(v -> store.calendars.migrate())
        .compose(v -> store.schedules.migrate())
        .map(store)
        .recover(err -> client.close().transform(ignored -> Future.failedFuture(err)));
  }

  static JsonObject clientConfig(String connectionString, String database) {
    ConnectionString uri = new ConnectionString(connectionString);
    JsonObject config = new JsonObject()
        .put("connection_string", connectionString)
        .put("db_name", Objects.requireNonNull(database, "database"))
        .put("useObjectId", false);
    if (uri.getWriteConcern() == null) {
      config.put("w", "majority").put("j", true);
    }
    return config;
  }

  /**
   * The unique indexes, each beginning with {@code _id}, that let the embedded store find a compare-and-set's document
   * before ADR 80: its unique indexes now find such a filter's document by {@code _id}, as a real MongoDB always did,
   * and every write paid for keeping them. {@link #createIndexes} drops them where they exist.
   */
  static final Map<String, List<String>> RETIRED_INDEXES = Map.of(
      MongoScheduleRepository.COLLECTION, List.of(CompareAndSet.REVISION),
      MongoCalendarObjectRepository.COLLECTION, List.of(CompareAndSet.REVISION),
      MongoBookingRepository.COLLECTION, List.of(CompareAndSet.REVISION),
      MongoWaitlistRepository.COLLECTION, List.of(CompareAndSet.REVISION),
      MongoPaymentRepository.COLLECTION, List.of(CompareAndSet.REVISION),
      MongoOutboxRepository.COLLECTION, List.of("claim", "outcome"),
      MongoWebhookEventRepository.DELIVERIES, List.of("claim", "outcome"));

  private static final int NAMESPACE_NOT_FOUND = 26;

  /**
   * The indexes every repository declares next to its queries ({@code indexes()}): the unique ones on every engine,
   * the others on a real MongoDB and on the embedded store on disk ({@code KeyOrderedH2Backend}'s secondary indexes,
   * ADR 75), not on the in-memory embedded one (mongo-java-server accepts and ignores them there, with a warning, so
   * those queries scan). Every other uniqueness rule rides on {@code _id}: schedule per resource, booking, provider
   * handle, resource, booking type and credential ids, account login.
   */
  private Future<Void> createIndexes() {
    List<StoreIndex> all = Stream.of(MongoScheduleRepository.indexes(), MongoCalendarObjectRepository.indexes(),
            MongoBookingRepository.indexes(), MongoWaitlistRepository.indexes(), MongoPaymentRepository.indexes(),
            MongoResourceRepository.indexes(), MongoBookingTypeRepository.indexes(),
            MongoCredentialRepository.indexes(), MongoOutboxRepository.indexes(), MongoWebhookEventRepository.indexes(),
            MongoWebhookEndpointRepository.indexes(), MongoSyncStore.indexes())
        .flatMap(List::stream).toList();
    return create(all.stream().filter(StoreIndex::unique).toList())
        .compose(v -> keepsSecondaryIndexes())
        .compose(keeps -> keeps ? create(all.stream().filter(index -> !index.unique()).toList())
            : Future.succeededFuture())
        .compose(v -> dropRetiredIndexes());
  }

  /** Drops the {@link #RETIRED_INDEXES} a store still has, one collection after the other. */
  private Future<Void> dropRetiredIndexes() {
    Future<Void> chain = Future.succeededFuture();
    for (Map.Entry<String, List<String>> entry : RETIRED_INDEXES.entrySet()) {
      String collection = entry.getKey();
      chain = chain.compose(v -> mongo.client.listIndexes(collection))
          .recover(err -> isMissingCollection(err) ? Future.succeededFuture(new JsonArray()) : Future.failedFuture(err))
          .compose(found -> {
            Future<Void> drops = Future.succeededFuture();
            for (Object index : found) {
              String name = ((JsonObject) index).getString("name");
              if (entry.getValue().contains(name)) {
                drops = drops.compose(v -> mongo.client.dropIndex(collection, name));
              }
            }
            return drops;
          });
    }
    return chain;
  }

  /** A real MongoDB refuses to list the indexes of a collection that does not exist (NamespaceNotFound). */
  private static boolean isMissingCollection(Throwable err) {
    return err instanceof MongoCommandException command && command.getErrorCode() == NAMESPACE_NOT_FOUND;
  }

  /** One {@code createIndexes} per collection, one after the other. */
  private Future<Void> create(List<StoreIndex> indexes) {
    Map<String, List<IndexModel>> byCollection = new LinkedHashMap<>();
    indexes.forEach(index -> byCollection.computeIfAbsent(index.collection(), c -> new ArrayList<>())
        .add(index.model()));
    Future<Void> chain = Future.succeededFuture();
    for (Map.Entry<String, List<IndexModel>> entry : byCollection.entrySet()) {
      chain = chain.compose(v -> mongo.client.createIndexes(entry.getKey(), entry.getValue()));
    }
    return chain;
  }

  /**
   * Whether the server keeps non-unique indexes: a real one does (it says process {@code mongod} or {@code mongos} in
   * {@code serverStatus}, or refuses the command to an unprivileged user); mongo-java-server (process {@code java})
   * only with {@code KeyOrderedH2Backend}, which says so in the status.
   */
  private Future<Boolean> keepsSecondaryIndexes() {
    return mongo.client.runCommand("serverStatus", new JsonObject().put("serverStatus", 1))
        .map(status -> !"java".equals(status.getString("process"))
            || status.getBoolean(KeyOrderedH2Backend.SECONDARY_INDEXES_STATUS, false))
        .otherwise(true);
  }

  public WebhookEndpointRepository webhookEndpoints() {
    return webhookEndpoints;
  }

  public WebhookEventRepository webhookEvents() {
    return webhookEvents;
  }

  /** The calendar-sync stores (connections, sync states, booking mirrors, conflicts). */
  public MongoSyncStore sync() {
    return sync;
  }

  public ScheduleRepository schedules() {
    return schedules;
  }

  public BookingRepository bookings() {
    return bookings;
  }

  /** Payments of bookings and payment settings of booking types. */
  public PaymentRepository payments() {
    return payments;
  }

  public ProviderRepository providers() {
    return providers;
  }

  public ResourceRepository resources() {
    return resources;
  }

  public BookingTypeRepository bookingTypes() {
    return bookingTypes;
  }

  public AccountRepository accounts() {
    return accounts;
  }

  public CredentialRepository credentials() {
    return credentials;
  }

  /** The notification outbox (messages owed, with their leases and outcomes). */
  public OutboxRepository outbox() {
    return outbox;
  }

  /** Rendered mails kept by the local sink, for the provider API. */
  public MailArchive mailSink() {
    return mailSink;
  }

  /** Succeeds if the database answers a {@code ping}, for {@code /health}. */
  /** CalDAV calendars: objects, change sequence and tombstones per resource. */
  public CalendarObjectRepository calendars() {
    return calendars;
  }

  /** Schedule revisions read alone, for CalDAV's calendar cache. */
  public ScheduleRevisions scheduleRevisions() {
    return scheduleRevisions;
  }

  /** Waitlist entries and per-type waitlist settings. */
  public WaitlistRepository waitlist() {
    return waitlist;
  }

  /** The operators' figures: outbox, calendar sync, waitlist and payment counts (issue 16). */
  public MongoStoreFigures figures() {
    return figures;
  }

  /** Schedule compare-and-set writes this node lost to another writer and retried. */
  public long scheduleRetries() {
    return schedules.retries();
  }

  public Future<Void> ping() {
    return mongo.client.runCommand("ping", new JsonObject().put("ping", 1)).mapEmpty();
  }

  public Future<Void> close() {
    return mongo.client.close();
  }

  /** The raw client, for tests in this package. */
  MongoClient client() {
    return mongo.client;
  }
}
