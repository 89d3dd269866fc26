package dev.dovetail.web;

import static dev.dovetail.web.ApiFixture.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15, item 1: values that reach a mail header (a provider's e-mail becomes the Reply-To of customer mail, names
 * the Subject) or an .ics line (names, addresses) are refused with 400 when they hold a control character, and nothing
 * is stored.
 */
@ExtendWith(VertxExtension.class)
class MailHeaderInjectionTest {

  private static final String[] FORGED = {"\r\nX-Injected: 1", "\nBcc: victim@example.com", "\u0085X-Injected: 1",
      "\u2028X-Injected: 1", "\u0000"};

  private ApiFixture api;
  private ApiFixture.Tenant alice;

  @BeforeEach
  void start(Vertx vertx) {
    api = ApiFixture.start(vertx);
    alice = api.tenant("alice");
  }

  private static JsonObject signUp(String handle, String displayName, String email) {
    return new JsonObject().put("handle", handle).put("displayName", displayName).put("email", email)
        .put("password", ApiFixture.PASSWORD).put("timeZone", "Europe/Berlin");
  }

  @Test
  @DisplayName("sign-up: an e-mail or display name with a line break is 400 and no provider or account is stored")
  void signUpRefusesHeaderBreakingValues() {
    for (String forged : FORGED) {
      expectProblem(400, api.post("/api/v1/providers", signUp("mallory", "Mallory", "m@example.test" + forged)));
      expectProblem(400, api.post("/api/v1/providers", signUp("mallory", "Mallory" + forged, "m@example.test")));
    }
    expectProblem(400, api.post("/api/v1/providers", signUp("mallory", "Mallory", "not-an-address")));
    assertThat(api.providers.findById("mallory").await()).isEmpty();
    assertThat(api.accounts.findByLogin("m@example.test").await()).isEmpty();
    assertThat(api.post("/api/v1/providers", signUp("mallory", "Mallory", "m@example.test")).statusCode())
        .isEqualTo(201);
  }

  @Test
  @DisplayName("booking: a customer name or e-mail with a line break is 400 and nothing is booked")
  void bookingRefusesHeaderBreakingValues() {
    String path = "/api/v1/public/booking-types/" + alice.typeId() + "/bookings";
    String start = ApiFixture.mondayAt(14, 0).toString();
    for (String forged : FORGED) {
      expectProblem(400, api.post(path, ApiFixture.bookingRequest(start, "c@example.test" + forged)));
      expectProblem(400, api.post(path, ApiFixture.bookingRequest(start, "c@example.test").put("name", "Eve" + forged)));
    }
    assertThat(api.storedBookings("alice")).hasSize(1);
  }

  @Test
  @DisplayName("catalog: a resource or booking type name with a line break is 400 and nothing changes")
  void catalogNamesRefuseLineBreaks() {
    expectProblem(400, api.post("/api/v1/resources", alice.bearer(), new JsonObject()
        .put("id", "evil-room").put("name", "Room\r\nX-Injected: 1").put("timeZone", "Europe/Berlin")));
    expectProblem(400, api.post("/api/v1/booking-types", alice.bearer(), new JsonObject()
        .put("id", "evil-type").put("resourceId", alice.resourceId()).put("name", "Type\nBcc: x@example.com")
        .put("durationsMinutes", new io.vertx.core.json.JsonArray().add(30))));
    assertThat(api.resources.findById("evil-room").await()).isEmpty();
    assertThat(api.types.findById("evil-type").await()).isEmpty();
  }
}
