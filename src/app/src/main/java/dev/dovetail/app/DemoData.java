package dev.dovetail.app;

import dev.dovetail.account.port.in.RegisterProvider;
import dev.dovetail.booking.domain.AvailabilityRule;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.CancellationTier;
import dev.dovetail.booking.domain.Ids;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.PaymentRequirement;
import dev.dovetail.booking.domain.PoolMember;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.domain.ResourcePool;
import dev.dovetail.booking.domain.WallClockWindow;
import dev.dovetail.booking.port.in.ManageCatalog;
import dev.dovetail.infra.mongo.MongoStore;
import dev.dovetail.kernel.ConflictException;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo tenant created on the first start of an embedded hub: provider {@code demo}, resources {@code demo-room}
 * and {@code demo-room-2} (Europe/Berlin, Monday to Friday 09:00-17:00, lunch 12:00-13:00), booking types {@code
 * demo-30} (30 minutes, 10 minutes buffer after) and {@code demo-60} (60 minutes) on {@code demo-room}, and {@code
 * demo-any-room} (60 minutes in whichever room is free, a pool, ADR 43). When the provider already exists, only the
 * pieces missing from an older demo are added.
 */
final class DemoData {

  static final String PROVIDER = "demo";
  static final String EMAIL = "demo@dovetail.local";
  static final String SECOND_ROOM = "demo-room-2";
  static final String ANY_ROOM = "demo-any-room";
  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private DemoData() {}

  static Future<Boolean> seed(
      ManageCatalog catalog, RegisterProvider registration, MongoStore store, AppConfig config, Clock clock) {
    return store.providers().findById(PROVIDER).compose(existing -> {
      if (existing.isPresent()) {
        return addMissing(catalog, store).map(added -> {
          printUrls(config, clock, null);
          return false;
        });
      }
      String password = config.demo().password() == null ? Ids.randomToken(12) : config.demo().password();
      return registration.register(new RegisterProvider.Registration(PROVIDER, "Demo Studio", EMAIL, password, BERLIN))
          .compose(p -> addMissing(catalog, store))
          .map(added -> {
            printUrls(config, clock, config.demo().password() == null ? password : "(from DOVETAIL_DEMO_PASSWORD)");
            return true;
          });
    });
  }

  /**
   * Creates each demo resource and booking type whose id is not in the store, in order (rooms before the types on
   * them): the whole demo on the first start, and on a later start what a newer version added to an older demo (such
   * as {@code demo-room-2} and {@code demo-any-room}). Returns how many were created. One the provider deleted keeps
   * its retired id (ADR 22) and is not created again: the refusal is logged and the rest goes on.
   */
  static Future<Integer> addMissing(ManageCatalog catalog, MongoStore store) {
    Future<Integer> chain = Future.succeededFuture(0);
    for (Resource room : List.of(room("demo-room", "Demo room"), room(SECOND_ROOM, "Second room"))) {
      chain = chain.compose(n -> store.resources().findById(room.id()).compose(found -> found.isPresent()
          ? Future.succeededFuture(n)
          : created(catalog.createResource(PROVIDER, room), room.id(), n)));
    }
    for (BookingType type : List.of(type("demo-30", "30-minute meeting", 30, 10),
        type("demo-60", "60-minute session", 60, 0), anyRoom())) {
      chain = chain.compose(n -> store.bookingTypes().findById(type.id()).compose(found -> found.isPresent()
          ? Future.succeededFuture(n)
          : created(catalog.createBookingType(PROVIDER, type), type.id(), n)));
    }
    return chain;
  }

  private static Future<Integer> created(Future<?> creation, String id, int before) {
    return creation.map(c -> {
      LOG.info("Demo data: created {}", id);
      return before + 1;
    }).recover(err -> {
      if (!(err instanceof ConflictException || err instanceof InvalidRequestException)) {
        return Future.failedFuture(err);
      }
      LOG.warn("Demo data: {} not created: {}", id, err.getMessage());
      return Future.succeededFuture(before);
    });
  }

  private static Resource room(String id, String name) {
    return new Resource(id, PROVIDER, name, BERLIN, true, AvailabilityRule.weekdays(
        WallClockWindow.of("09:00", "17:00"), List.of(WallClockWindow.of("12:00", "13:00"))));
  }

  /** An hour in whichever room is free, assigned round-robin (ADR 43). */
  private static BookingType anyRoom() {
    return type(ANY_ROOM, "Any free room, 60 minutes", 60, 0).withPool(new ResourcePool(ResourcePool.Mode.ANY,
        List.of(new PoolMember("demo-room", 0), new PoolMember(SECOND_ROOM, 0)), ResourcePool.Assignment.ROUND_ROBIN,
        false, ResourcePool.DEFAULT_BALANCE_WINDOW));
  }

  private static BookingType type(String id, String name, int minutes, int bufferAfterMinutes) {
    return new BookingType(id, PROVIDER, "demo-room", name, List.of(Duration.ofMinutes(minutes)),
        Duration.ofMinutes(minutes), Duration.ZERO, Duration.ofMinutes(bufferAfterMinutes), Duration.ofHours(1),
        Duration.ofDays(90), 0, 0, new Money(minutes * 100L, "EUR"), PaymentRequirement.NONE,
        List.of(new CancellationTier(Duration.ofHours(24), 100), new CancellationTier(Duration.ZERO, 50)),
        Duration.ofMinutes(10));
  }

  private static void printUrls(AppConfig config, Clock clock, String password) {
    String url = config.http().publicUrl();
    LocalDate today = LocalDate.now(clock.withZone(BERLIN));
    StringBuilder text = new StringBuilder("\n\n  Dovetail demo is ready.\n");
    text.append("  Booking page: ").append(url).append("/book/").append(PROVIDER).append("/demo-30\n");
    text.append("  Dashboard:    ").append(url).append("/dashboard\n");
    text.append("  Free slots:   ").append(url).append("/api/v1/public/booking-types/demo-30/slots?from=")
        .append(today).append("&to=").append(today.plusDays(7)).append("&tz=Europe/Berlin\n");
    text.append("  API document: ").append(url).append("/openapi.yaml\n");
    text.append("  Health:       ").append(url).append("/health\n");
    text.append("  Provider log-in: demo (or ").append(EMAIL).append(")");
    if (password != null) {
      text.append(", password ").append(password).append("  <- shown only once");
    }
    // The console only: the banner may carry the generated password, which must never reach the log.
    System.out.println(text.append('\n'));
    System.out.flush();
    LOG.info("Demo data ready: provider {}, booking page {}/book/{}/demo-30", PROVIDER, url, PROVIDER);
  }
}
