package dev.dovetail.web;

import static dev.dovetail.web.ApiFixture.expect;
import static dev.dovetail.web.ApiFixture.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.account.app.AccountService;
import dev.dovetail.kernel.RouteOrder;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Public operations are rate-limited per client address; 429 carries Retry-After; provider calls are not counted. */
@ExtendWith(VertxExtension.class)
class RateLimitTest {

  @Test
  @DisplayName("past the per-minute budget a client gets 429 with Retry-After; logged-in calls and /health still work")
  void publicCallsAreLimitedPerClient(Vertx vertx) {
    ApiFixture big = ApiFixture.start(vertx);
    ApiFixture.Tenant alice = big.tenant("alice");
    // A second API over the same data, with a budget of 20 public requests a minute.
    ApiFixture api = ApiFixture.start(vertx, 20, WebOptions.DEFAULT_MAX_BODY_BYTES, services -> services);
    api.providers.insert(big.providers.findById("alice").await().orElseThrow()).await();
    api.resources.insert(big.resources.findById(alice.resourceId()).await().orElseThrow()).await();
    api.types.insert(big.types.findById(alice.typeId()).await().orElseThrow()).await();
    LocalDate monday = ApiFixture.monday();
    String slots = "/api/v1/public/booking-types/" + alice.typeId() + "/slots?from=" + monday + "&to="
        + monday.plusDays(1) + "&tz=Europe/Berlin";

    for (int i = 0; i < 20; i++) {
      HttpResponse<Buffer> ok = api.get(slots);
      assertThat(ok.statusCode()).as("request " + i).isEqualTo(200);
      assertThat(ok.getHeader("RateLimit-Remaining")).isEqualTo(Integer.toString(19 - i));
    }
    HttpResponse<Buffer> limited = api.get(slots);
    JsonObject problem = expectProblem(429, limited);
    assertThat(problem.getString("type")).endsWith("rate-limited");
    assertThat(Long.parseLong(limited.getHeader("Retry-After"))).isBetween(1L, 60L);
    assertThat(limited.getHeader("Content-Security-Policy")).isEqualTo("default-src 'self'; frame-ancestors 'none'");
    assertThat(limited.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(limited.getHeader("Cache-Control")).isEqualTo("no-store");
    expectProblem(429, api.get("/api/v1/public/booking-types/" + alice.typeId()));
    expectProblem(429, api.post("/api/v1/public/booking-types/" + alice.typeId() + "/bookings",
        ApiFixture.bookingRequest(ApiFixture.mondayAt(9, 0).toString(), "x@example.com")));
    assertThat(api.storedBookings("alice")).isEmpty();
    // The bucket refills on the hub's clock: once Retry-After has passed, one more request goes through.
    api.clock.advance(java.time.Duration.ofSeconds(Long.parseLong(limited.getHeader("Retry-After"))));
    expect(200, api.get(slots));

    expect(200, api.get("/health"));
    // Provider calls are authenticated and not counted against the public budget.
    api.accounts.insert(big.accounts.findByLogin("alice@example.com").await().orElseThrow()).await();
    api.credentials.insert(big.credentials.findById(alice.apiTokenId()).await().orElseThrow()).await();
    for (int i = 0; i < 25; i++) {
      expect(200, api.get("/api/v1/resources", alice.bearer()));
    }
  }

  @Test
  @DisplayName("sign-up and log-in cost ten public requests each (they run a slow password hash)")
  void signUpAndLoginCostMore(Vertx vertx) {
    ApiFixture api = ApiFixture.start(vertx, 25, WebOptions.DEFAULT_MAX_BODY_BYTES);
    expect(201, api.signUp("carol"));
    api.login("carol", ApiFixture.PASSWORD);
    HttpResponse<Buffer> third = api.post("/api/v1/auth/login",
        new JsonObject().put("login", "carol").put("password", "guessing " + AccountService.MIN_PASSWORD_LENGTH));
    expectProblem(429, third);
    assertThat(third.getHeader("Retry-After")).isNotBlank();
  }

  @Test
  @DisplayName("behind a trusted proxy each X-Forwarded-For client has its own budget; reached directly, the header is ignored")
  void forwardedClientsCountSeparatelyOnlyBehindATrustedProxy(Vertx vertx) {
    ApiFixture proxied = ApiFixture.start(vertx, 3, WebOptions.DEFAULT_MAX_BODY_BYTES, services -> services,
        dev.dovetail.web.http.TrustedProxies.of(java.util.List.of("127.0.0.0/8")));
    ApiFixture direct = ApiFixture.start(vertx, 3, WebOptions.DEFAULT_MAX_BODY_BYTES, services -> services,
        dev.dovetail.web.http.TrustedProxies.none());
    for (ApiFixture api : java.util.List.of(proxied, direct)) {
      for (int i = 0; i < 3; i++) {
        assertThat(publicCallFrom(api, "198.51.100.1")).as("request " + i).isEqualTo(404);
      }
      assertThat(publicCallFrom(api, "198.51.100.1")).isEqualTo(429);
    }
    assertThat(publicCallFrom(proxied, "198.51.100.2")).as("another customer behind the proxy").isEqualTo(404);
    assertThat(publicCallFrom(direct, "198.51.100.2")).as("a spoofed header changes nothing").isEqualTo(429);
  }

  @Test
  @DisplayName("behind a trusted proxy that appends, a forged X-Forwarded-For prefix does not buy a new budget")
  void forgedForwardedForPrefixesShareTheRealClientsBudget(Vertx vertx) {
    ApiFixture proxied = ApiFixture.start(vertx, 3, WebOptions.DEFAULT_MAX_BODY_BYTES, services -> services,
        dev.dovetail.web.http.TrustedProxies.of(java.util.List.of("127.0.0.1/32")));
    for (int i = 0; i < 3; i++) {
      assertThat(publicCallFrom(proxied, "10.0.0." + i + ", 203.0.113.9")).as("request " + i).isEqualTo(404);
    }
    assertThat(publicCallFrom(proxied, "192.0.2.77, 203.0.113.9")).as("a fresh forged hop").isEqualTo(429);
    assertThat(publicCallFrom(proxied, "203.0.113.10")).as("another real client").isEqualTo(404);
  }

  @Test
  @DisplayName("webcal feeds and hooks (no login, mounted outside the contract) are under the address's budget too")
  void unauthenticatedRoutesOutsideTheContractAreLimited(Vertx vertx) {
    ApiFixture api = ApiFixture.start(vertx, 3, WebOptions.DEFAULT_MAX_BODY_BYTES);
    api.router.get("/webcal/:provider/:resource/:token").order(RouteOrder.CALDAV).handler(ctx -> ctx.end("feed"));
    api.router.post("/hooks/test").order(RouteOrder.CALDAV).handler(ctx -> ctx.end());
    HttpApi.limitUnauthenticatedRoutes(api.router,
        new WebOptions(io.vertx.ext.web.sstore.LocalSessionStore.create(vertx), 3, 1024, false), api.clock);
    for (int i = 0; i < 3; i++) {
      assertThat(api.get("/webcal/alice/room/token.ics").statusCode()).as("feed " + i).isEqualTo(200);
    }
    HttpResponse<Buffer> limited = api.get("/webcal/alice/room/token.ics");
    expectProblem(429, limited);
    assertThat(limited.getHeader("Retry-After")).isNotBlank();
    expectProblem(429, api.post("/hooks/test", new JsonObject()));
  }

  private static int publicCallFrom(ApiFixture api, String forwardedFor) {
    return api.client.get("/api/v1/public/booking-types/no-such-type")
        .putHeader("X-Forwarded-For", forwardedFor)
        .send().await().statusCode();
  }
}
