package dev.dovetail.web;

import static dev.dovetail.web.ApiFixture.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.notification.domain.MessageKind;
import dev.dovetail.notification.domain.OutboundMessage;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Walks every route of the real router. A route is either on the explicit public allow-list below, or it must refuse
 * anonymous callers (401) and must not let another tenant read or change the first tenant's objects. Adding a route
 * without protection, or opening one in the contract, makes this test fail until the allow-list is changed on
 * purpose.
 */
@ExtendWith(VertxExtension.class)
class RouteInventoryTest {

  /** The only routes anonymous callers may use. */
  static final Set<String> PUBLIC_ROUTES = Set.of(
      "GET /health",
      "GET /ready",
      "GET /openapi.yaml",
      "GET /api/v1/public/booking-types/:bookingTypeId",
      "GET /api/v1/public/booking-types/:bookingTypeId/slots",
      "POST /api/v1/public/booking-types/:bookingTypeId/bookings",
      "GET /api/v1/public/bookings/:manageToken",
      "POST /api/v1/public/bookings/:manageToken/cancel",
      "POST /api/v1/public/bookings/:manageToken/reschedule",
      "GET /api/v1/public/bookings/:manageToken/ics",
      // Paying for a held booking, and its payment with the refund quote: the manage token is the secret.
      "POST /api/v1/public/bookings/:manageToken/payment",
      "GET /api/v1/public/bookings/:manageToken/payment",
      "POST /api/v1/providers",
      "POST /api/v1/auth/login",
      // Forgotten password: the same answer for any address; the reset carries the mailed link's signed token.
      "POST /api/v1/auth/password-reset-request",
      "POST /api/v1/auth/password-reset",
      // The waitlist: joining is open like booking; leaving and claiming carry a signed link's secret.
      "POST /api/v1/public/booking-types/:bookingTypeId/waitlist",
      "POST /api/v1/public/waitlist/leave/:waitlistToken",
      "GET /api/v1/public/waitlist/claim/:waitlistToken",
      "POST /api/v1/public/waitlist/claim/:waitlistToken",
      // The OAuth return from the calendar service's site (no Strict session cookie): the signed state names the
      // provider and the Lax nonce cookie set by connect binds the browser; without it nothing is stored (ADR 26).
      "GET /api/v1/calendar-connections/:service/callback",
      // HTML pages and their static assets (PagesRouter); they only call the API above, or the protected one with
      // the visitor's own session.
      "GET /book/:provider",
      "GET /book/:provider/:bookingType",
      "GET /booked/:manageToken",
      "GET /manage/:manageToken",
      "GET /dashboard",
      "GET /waitlist/claim/:waitlistToken",
      "GET /waitlist/leave/:waitlistToken",
      "GET /assets/",
      "GET /",
      "GET /signup",
      "GET /forgot-password",
      "GET /reset-password",
      "GET /favicon.ico",
      // The pop-up embed script and the QR code of a public page's address (ADR 45): no tenant data in either.
      "GET /embed.js",
      "GET /qr/book/:provider",
      "GET /qr/book/:provider/:bookingType",
      // A provider's colour sheet (made from the address alone) and logo (by its content hash): shown to every visitor
      // of its pages anyway (ADR 57).
      "GET /brand/accent/:colour",
      "GET /brand/:provider/logo/:logoHash",
      // Every other GET outside /api/: the HTML 404 page (a regex route, named).
      "GET " + dev.dovetail.web.pages.PagesRouter.NOT_FOUND_ROUTE);

  /** Bodies that pass validation, so that a refusal proves authorization and not input checking. */
  static final Map<String, JsonObject> SAMPLE_BODIES = new java.util.HashMap<>(Map.of(
      "POST /api/v1/resources", new JsonObject().put("name", "Hijack").put("timeZone", "UTC"),
      "PUT /api/v1/resources/:resourceId", new JsonObject().put("name", "Hijacked").put("timeZone", "UTC"),
      "PUT /api/v1/resources/:resourceId/availability", new JsonObject().put("holidays", new JsonArray()),
      "POST /api/v1/booking-types", new JsonObject().put("resourceId", "alice-room").put("name", "Hijack")
          .put("durationsMinutes", new JsonArray().add(30)),
      "PUT /api/v1/booking-types/:bookingTypeId", new JsonObject().put("resourceId", "alice-room")
          .put("name", "Hijacked").put("durationsMinutes", new JsonArray().add(30)),
      "POST /api/v1/api-tokens", new JsonObject().put("label", "intruder"),
      "POST /api/v1/app-passwords", new JsonObject().put("label", "intruder"),
      "PUT /api/v1/booking-types/:bookingTypeId/payment-settings", new JsonObject().put("manualCapture", true),
      "POST /api/v1/waitlist/entries/:entryId/offer",
          new JsonObject().put("start", ApiFixture.mondayAt(11, 0).toString()),
      "PUT /api/v1/booking-types/:bookingTypeId/waitlist",
          new JsonObject().put("enabled", false).put("claimWindowMinutes", 5)));

  static {
    SAMPLE_BODIES.put("PUT /api/v1/calendar-connections/:service", new JsonObject().put("blocking", new JsonArray()));
    SAMPLE_BODIES.put("POST /api/v1/bookings/:bookingId/reschedule",
        new JsonObject().put("start", ApiFixture.mondayAt(15, 0).toString()));
    SAMPLE_BODIES.put("POST /api/v1/bookings", new JsonObject().put("bookingTypeId", "alice-60")
        .put("start", ApiFixture.mondayAt(15, 0).toString()).put("timeZone", "UTC").put("name", "Intruder")
        .put("email", "intruder@example.com"));
    SAMPLE_BODIES.put("PUT /api/v1/caldav-login", new JsonObject().put("accountPasswordAllowed", true));
    SAMPLE_BODIES.put("POST /api/v1/invitations", new JsonObject().put("email", "invitee@example.com"));
    SAMPLE_BODIES.put("POST /api/v1/webhook-endpoints", new JsonObject().put("url", "https://example.com/hooks")
        .put("events", new JsonArray().add("booking.created")));
    SAMPLE_BODIES.put("PATCH /api/v1/webhook-endpoints/:endpointId", new JsonObject().put("enabled", false));
    SAMPLE_BODIES.put("PATCH /api/v1/me", new JsonObject().put("displayName", "Bob's new name").put("timeZone", "UTC"));
    SAMPLE_BODIES.put("PUT /api/v1/embed-settings", new JsonObject()
        .put("allowedOrigins", new JsonArray().add("https://intruder.example")));
    SAMPLE_BODIES.put("PUT /api/v1/me/logo", BrandingApiTest.logoBody(BrandingApiTest.png(32, 32, java.awt.Color.RED)));
    SAMPLE_BODIES.put("PUT /api/v1/me/password", new JsonObject().put("currentPassword", "not bob's password")
        .put("newPassword", "not alice's password either"));
  }

  private static final String SAMPLE_WEBHOOK_ENDPOINT = "0123456789abcdef0123456789abcdef";
  private static final Pattern PARAM = Pattern.compile(":([A-Za-z]+)");

  private ApiFixture api;
  private ApiFixture.Tenant alice;
  private ApiFixture.Tenant bob;

  record Endpoint(HttpMethod method, String path) {
    String key() {
      return method.name() + " " + path;
    }
  }

  @BeforeEach
  void twoTenants(Vertx vertx) {
    api = ApiFixture.start(vertx);
    alice = api.tenant("alice");
    bob = api.tenant("bob");
  }

  @Test
  @DisplayName("every route is public by the allow-list, or refuses anonymous callers and other tenants")
  void everyNonPublicRouteRejectsAnonymousCallersAndOtherTenants() {
    List<Endpoint> endpoints = endpoints();
    Set<String> keys = new TreeSet<>();
    endpoints.forEach(e -> keys.add(e.key()));
    assertThat(keys).as("the allow-list names only routes that exist").containsAll(PUBLIC_ROUTES);
    List<Endpoint> protectedOnes = endpoints.stream().filter(e -> !PUBLIC_ROUTES.contains(e.key())).toList();
    assertThat(protectedOnes).as("protected routes found").hasSizeGreaterThanOrEqualTo(23);

    for (Endpoint endpoint : protectedOnes) {
      String path = concrete(endpoint, alice);
      JsonObject body = SAMPLE_BODIES.get(endpoint.key());
      expectProblem(401, api.send(endpoint.method(), path, null, body));
      expectProblem(401, api.send(endpoint.method(), path, ApiFixture.Auth.bearer("dtk_nope_nope"), body));
      expectProblem(401, api.send(endpoint.method(), path,
          ApiFixture.Auth.session("dovetail.session=0123456789abcdef0123456789abcdef", "x"), body));
      expectProblem(401, api.send(endpoint.method(), path,
          ApiFixture.Auth.bearer(alice.apiToken().replace("dtk_", "dtap_")), body));
    }

    // Bob, fully authenticated, aims at Alice's objects: by API token, then by session (logout last).
    List<Endpoint> ordered = new ArrayList<>(protectedOnes);
    ordered.sort(Comparator.comparing((Endpoint e) -> e.path().endsWith("/logout")));
    for (Endpoint endpoint : ordered) {
      crossTenant(endpoint, bob.bearer());
    }
    for (Endpoint endpoint : ordered) {
      crossTenant(endpoint, bob.session().auth());
    }
    assertAliceUntouched();
  }

  @Test
  @DisplayName("a request that matches no operation is refused to anonymous callers before routing (default deny)")
  void unknownPathsAreDeniedByDefault() {
    expectProblem(401, api.get("/api/v1/not-there"));
    expectProblem(401, api.post("/api/v1/resources/", new JsonObject()));
    expectProblem(404, api.get("/api/v1/not-there", alice.bearer()));
  }

  private void crossTenant(Endpoint endpoint, ApiFixture.Auth auth) {
    String path = concrete(endpoint, alice);
    HttpResponse<Buffer> response = api.send(endpoint.method(), path, auth, SAMPLE_BODIES.get(endpoint.key()));
    String what = endpoint.key() + " by bob -> " + response.statusCode() + " " + response.bodyAsString();
    if (endpoint.path().contains(":")) {
      assertThat(response.statusCode()).as(what).isIn(403, 404);
    } else if (endpoint.key().equals("POST /api/v1/booking-types")
        || endpoint.key().equals("POST /api/v1/webhook-endpoints")
        || endpoint.key().equals("PUT /api/v1/me/password")
        || endpoint.key().equals("POST /api/v1/bookings")
        || endpoint.key().equals("GET /api/v1/schedule")) {
      // Booking types: alice's resource id in the body. Webhook endpoints: this fixture has none (NoWebhooks).
      // Password: a wrong current password (bob's is the fixture's; changing it would end the test's log-ins).
      // Bookings: alice's booking type in the body. Schedule: no range given (ProviderCalendarApiTest reads it).
      assertThat(response.statusCode()).as(what).isBetween(400, 499);
    } else {
      assertThat(response.statusCode()).as(what).isBetween(200, 299);
    }
    // Nothing of Alice's may come back, except an id Bob sent himself (echoed in a "not found" reason).
    String text = response.bodyAsString() == null ? "" : response.bodyAsString();
    String sent = path + " " + SAMPLE_BODIES.getOrDefault(endpoint.key(), new JsonObject()).encode();
    for (String secret : List.of(alice.resourceId(), alice.typeId(), alice.bookingId(), alice.apiTokenId(),
        alice.appPasswordId(), "alice@example.com", "first-alice@example.com")) {
      if (!sent.contains(secret)) {
        assertThat(text).as(what).doesNotContain(secret);
      }
    }
  }

  private void assertAliceUntouched() {
    JsonObject resource = ApiFixture.expect(200, api.get("/api/v1/resources/" + alice.resourceId(), alice.bearer()));
    assertThat(resource.getString("name")).isEqualTo("Room of alice");
    assertThat(resource.getJsonObject("availability").getJsonObject("weeklyHours").fieldNames()).hasSize(5);
    JsonObject type = ApiFixture.expect(200, api.get("/api/v1/booking-types/" + alice.typeId(), alice.bearer()));
    assertThat(type.getString("name")).isEqualTo("One hour");
    assertThat(api.bookings.findById(alice.bookingId()).await().orElseThrow().status())
        .isEqualTo(BookingStatus.CONFIRMED);
    assertThat(api.credentials.findById(alice.apiTokenId()).await()).isPresent();
    assertThat(api.credentials.findById(alice.appPasswordId()).await()).isPresent();
    assertThat(api.types.findById("alice-room").await()).isEmpty();
    JsonObject aliceMe = ApiFixture.expect(200, api.get("/api/v1/me", alice.session().auth()));
    assertThat(aliceMe.getString("displayName")).isEqualTo("Provider alice");
    assertThat(aliceMe.getString("logoUrl")).isNull();
    assertThat(api.waitlist.findById(api.waitlistEntry(alice)).await().orElseThrow().status())
        .isEqualTo(dev.dovetail.waitlist.domain.EntryStatus.WAITING);
    JsonObject settings = ApiFixture.expect(200, api.get("/api/v1/booking-types/" + alice.typeId() + "/waitlist",
        alice.bearer()));
    assertThat(settings.getBoolean("enabled")).isTrue();
    assertThat(ApiFixture.expect(200, api.get("/api/v1/embed-settings", alice.bearer()))
        .getJsonArray("allowedOrigins")).isEmpty();
  }

  private List<Endpoint> endpoints() {
    List<Endpoint> endpoints = new ArrayList<>();
    for (Route route : api.router.getRoutes()) {
      if (route.getPath() == null && dev.dovetail.web.pages.PagesRouter.NOT_FOUND_ROUTE.equals(route.getName())) {
        assertThat(route.methods()).as("the 404 page route").containsExactly(HttpMethod.GET);
        endpoints.add(new Endpoint(HttpMethod.GET, route.getName()));
        continue;
      }
      if (route.getPath() == null) {
        // Match-all routes: the root chain (rate limit, session, headers, body, authentication, CSRF) and the
        // failure handler. They must not be tied to a method, or they would be endpoints of their own.
        assertThat(route.methods()).as("match-all route").isNullOrEmpty();
        continue;
      }
      assertThat(route.methods()).as("route " + route.getPath() + " names its methods").isNotEmpty();
      route.methods().forEach(method -> endpoints.add(new Endpoint(method, route.getPath())));
    }
    return endpoints;
  }

  private String concrete(Endpoint endpoint, ApiFixture.Tenant owner) {
    Matcher matcher = PARAM.matcher(endpoint.path());
    StringBuilder path = new StringBuilder();
    while (matcher.find()) {
      String value = switch (matcher.group(1)) {
        case "resourceId" -> owner.resourceId();
        case "bookingTypeId" -> owner.typeId();
        case "bookingId" -> owner.bookingId();
        case "credentialId" -> endpoint.path().contains("app-passwords") ? owner.appPasswordId() : owner.apiTokenId();
        case "manageToken" -> owner.manageToken();
        case "entryId" -> api.waitlistEntry(owner);
        case "notificationId" -> OutboundMessage.idFor(owner.bookingId(), 0, MessageKind.CONFIRMATION, null);
        case "service" -> "google";
        // This fixture has no webhooks (NoWebhooks): any well-formed id; WebhookHubIT drives the real ones.
        case "endpointId" -> SAMPLE_WEBHOOK_ENDPOINT;
        case "deliveryId" -> "dlv_" + SAMPLE_WEBHOOK_ENDPOINT + "_" + SAMPLE_WEBHOOK_ENDPOINT;
        default -> fail("no sample value for path parameter " + matcher.group(1) + " of " + endpoint.key()
            + ": teach this test what the new route's object is");
      };
      matcher.appendReplacement(path, value);
    }
    matcher.appendTail(path);
    return path.toString();
  }
}
