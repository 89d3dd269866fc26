package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.account.app.AccountService;
import dev.dovetail.account.port.in.RegisterProvider;
import dev.dovetail.booking.app.CatalogService;
import dev.dovetail.booking.domain.AvailabilityRule;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.PaymentRequirement;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.domain.WallClockWindow;
import dev.dovetail.infra.mongo.EmbeddedMongo;
import dev.dovetail.infra.mongo.MongoStore;
import dev.dovetail.infra.security.BcryptPasswordHasher;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Demo seeding on the embedded store: the whole demo once, and what an older demo lacks on a later start. */
class DemoDataIT {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @TempDir
  Path dataDir;

  private final Vertx vertx = Vertx.vertx();
  private final EmbeddedMongo mongo = EmbeddedMongo.inMemory();
  private final MongoStore store = MongoStore.connect(vertx, mongo.connectionString(), "demo",
      MongoStore.NO_COMMIT).await();
  /** A Monday morning: nothing seeded depends on it, and the test reads no wall clock. */
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T07:00:00Z"), ZoneOffset.UTC);
  private final CatalogService catalog = new CatalogService(store.providers(), store.resources(),
      store.bookingTypes(), store.bookings(), store.schedules(), store.calendars(), clock);
  private final AccountService accounts = new AccountService(store.providers(), store.accounts(),
      store.credentials(), new BcryptPasswordHasher(vertx, 4), clock);

  @AfterEach
  void close() {
    store.close().await();
    mongo.close();
    vertx.close().await();
  }

  private boolean seed() {
    AppConfig config = HubFixture.config(mongo.connectionString(), dataDir, true, HubFixture.noCluster());
    return DemoData.seed(catalog, accounts, store, config, clock).await();
  }

  private List<String> typeIds() {
    return List.of("demo-30", "demo-60", DemoData.ANY_ROOM).stream()
        .filter(id -> store.bookingTypes().findById(id).await().isPresent()).toList();
  }

  @Test
  @DisplayName("a store seeded by an older demo (one room, no pooled type) gets the second room and the pooled type, "
      + "once; what was there stays as it was")
  void olderDemoGetsTheMissingPiecesOnce() {
    accounts.register(new RegisterProvider.Registration(DemoData.PROVIDER, "Demo Studio", DemoData.EMAIL,
        "older-demo-password", BERLIN)).await();
    Resource oldRoom = new Resource("demo-room", DemoData.PROVIDER, "Renamed by the provider", BERLIN, true,
        AvailabilityRule.weekdays(WallClockWindow.of("10:00", "16:00"), List.of()));
    catalog.createResource(DemoData.PROVIDER, oldRoom).await();
    BookingType oldType = new BookingType("demo-30", DemoData.PROVIDER, "demo-room", "Older 30 minutes",
        List.of(Duration.ofMinutes(30)), Duration.ofMinutes(30), Duration.ZERO, Duration.ZERO, Duration.ZERO,
        Duration.ofDays(365), 0, 0, Money.zero("EUR"), PaymentRequirement.NONE, List.of(), Duration.ofMinutes(10));
    catalog.createBookingType(DemoData.PROVIDER, oldType).await();

    assertThat(seed()).as("the provider existed").isFalse();

    assertThat(store.resources().findById(DemoData.SECOND_ROOM).await()).hasValueSatisfying(
        r -> assertThat(r.providerId()).isEqualTo(DemoData.PROVIDER));
    assertThat(store.resources().findById("demo-room").await()).contains(oldRoom);
    assertThat(typeIds()).containsExactly("demo-30", "demo-60", DemoData.ANY_ROOM);
    assertThat(store.bookingTypes().findById("demo-30").await()).contains(oldType);
    assertThat(store.bookingTypes().findById(DemoData.ANY_ROOM).await().orElseThrow().resourceIds())
        .containsExactly("demo-room", DemoData.SECOND_ROOM);

    assertThat(DemoData.addMissing(catalog, store).await()).as("nothing left to add").isZero();
  }

  @Test
  @DisplayName("a fresh store gets the whole demo; a piece the provider deleted is not created again, and the seed "
      + "still succeeds")
  void freshStoreGetsEverythingAndDeletionsStay() {
    assertThat(seed()).isTrue();
    assertThat(typeIds()).containsExactly("demo-30", "demo-60", DemoData.ANY_ROOM);

    catalog.deleteBookingType(DemoData.PROVIDER, DemoData.ANY_ROOM).await();

    assertThat(seed()).isFalse();
    assertThat(typeIds()).containsExactly("demo-30", "demo-60");
    assertThat(store.resources().findById(DemoData.SECOND_ROOM).await()).isPresent();
  }
}
