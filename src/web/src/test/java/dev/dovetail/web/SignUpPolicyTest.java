package dev.dovetail.web;

import static dev.dovetail.web.ApiFixture.expect;
import static dev.dovetail.web.ApiFixture.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.account.app.Invitations;
import dev.dovetail.account.domain.SignUpMode;
import dev.dovetail.account.port.in.RegisterProvider;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Issue 15, item 4: DOVETAIL_SIGNUP=open|closed|invite, and the invitations a provider issues. */
@ExtendWith(VertxExtension.class)
class SignUpPolicyTest {

  private static JsonObject signUp(String handle, String email, String invite) {
    JsonObject body = new JsonObject().put("handle", handle).put("displayName", "Provider " + handle)
        .put("email", email).put("password", ApiFixture.PASSWORD).put("timeZone", "Europe/Berlin");
    return invite == null ? body : body.put("invite", invite);
  }

  /** A provider made without the public sign-up (as an operator or the demo data would), logged in. */
  private static ApiFixture.Session seededProvider(ApiFixture api) {
    api.accountService.register(new RegisterProvider.Registration("alice", "Alice", "alice@example.com",
        ApiFixture.PASSWORD, ApiFixture.BERLIN)).await();
    return api.login("alice", ApiFixture.PASSWORD);
  }

  @Test
  @DisplayName("closed: sign-up is 403 with the reason, nothing is stored, and no invitation can be issued")
  void closedRefusesSignUpAndInvitations(Vertx vertx) {
    ApiFixture api = ApiFixture.start(vertx, SignUpMode.CLOSED);
    assertThat(expectProblem(403, api.post("/api/v1/providers", signUp("bob", "bob@example.com", null)))
        .getString("detail")).contains("closed");
    assertThat(api.providers.findById("bob").await()).isEmpty();
    ApiFixture.Session alice = seededProvider(api);
    expectProblem(403, api.post("/api/v1/invitations", alice.auth(), new JsonObject().put("email", "b@example.com")));
  }

  @Test
  @DisplayName("invite: a provider invites an address; only that address signs up with it, and only for 7 days")
  void invitationsAreBoundToAddressAndTime(Vertx vertx) {
    ApiFixture api = ApiFixture.start(vertx, SignUpMode.INVITE);
    ApiFixture.Session alice = seededProvider(api);
    expectProblem(403, api.post("/api/v1/providers", signUp("bob", "bob@example.com", null)));
    expectProblem(401, api.post("/api/v1/invitations", new JsonObject().put("email", "bob@example.com")));
    JsonObject invitation = expect(201, api.post("/api/v1/invitations", alice.auth(),
        new JsonObject().put("email", "Bob@Example.com")));
    String invite = invitation.getString("invite");
    assertThat(invitation.getString("email")).isEqualTo("bob@example.com");
    String page = invitation.getJsonObject("signUp").getString("page");
    assertThat(page).isEqualTo("/signup?invite=" + invite);
    assertThat(api.get(page).bodyAsString()).contains("data-invite=\"" + invite + "\"");

    expectProblem(403, api.post("/api/v1/providers", signUp("eve", "eve@example.com", invite)));
    expectProblem(403, api.post("/api/v1/providers", signUp("bob", "bob@example.com", invite + "x")));
    expectProblem(403, api.post("/api/v1/providers", signUp("bob", "bob@example.com",
        invite.substring(0, invite.indexOf('.')) + ".forged")));
    assertThat(api.providers.findById("eve").await()).isEmpty();

    JsonObject late = expect(201, api.post("/api/v1/invitations", alice.auth(),
        new JsonObject().put("email", "carol@example.com")));
    expect(201, api.post("/api/v1/providers", signUp("bob", "bob@example.com", invite)));
    api.login("bob@example.com", ApiFixture.PASSWORD);
    api.clock.advance(Invitations.VALIDITY.plus(Duration.ofSeconds(1)));
    expectProblem(403, api.post("/api/v1/providers", signUp("carol", "carol@example.com",
        late.getString("invite"))));
    assertThat(api.providers.findById("carol").await()).isEmpty();
  }

  @Test
  @DisplayName("open: anyone signs up without an invitation")
  void openTakesEveryone(Vertx vertx) {
    ApiFixture api = ApiFixture.start(vertx, SignUpMode.OPEN);
    expect(201, api.post("/api/v1/providers", signUp("bob", "bob@example.com", null)));
  }
}
