package dev.dovetail.web;

import static dev.dovetail.web.ApiFixture.expect;
import static dev.dovetail.web.ApiFixture.expectProblem;

import dev.dovetail.web.http.CallerAuthHandler;
import dev.dovetail.web.http.SessionSeal;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Session;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15, item 5: whoever can write the session store (a Hazelcast map on a cluster) cannot mint a dashboard
 * session: only a session sealed at log-in with the hub's key, for its own id and provider, is believed.
 */
@ExtendWith(VertxExtension.class)
class SessionSealTest {

  @Test
  @DisplayName("a session written straight into the store, unsealed, forged or copied to another provider, is 401")
  void storeAloneCannotMintASession(Vertx vertx) {
    ApiFixture api = ApiFixture.start(vertx);
    ApiFixture.Tenant alice = api.tenant("alice");
    api.tenant("bob");
    expect(200, api.get("/api/v1/me", alice.session().auth()));

    String unsealed = plant(api, "alice", null);
    expectProblem(401, api.get("/api/v1/me", ApiFixture.Auth.session(unsealed, null)));
    String forged = plant(api, "alice", SessionSeal.random().seal("whatever", "alice"));
    expectProblem(401, api.get("/api/v1/me", ApiFixture.Auth.session(forged, null)));

    // Alice's genuine seal moved onto a session for bob (the map's values are readable to a cluster member).
    Session genuine = api.sessionStore.get(alice.session().cookie().substring("dovetail.session=".length())).await();
    String moved = plant(api, "bob", genuine.get(SessionSeal.SESSION_KEY));
    expectProblem(401, api.get("/api/v1/me", ApiFixture.Auth.session(moved, null)));
    expect(200, api.get("/api/v1/me", alice.session().auth()));
  }

  /** Writes a session for {@code providerId} into the store as a cluster member could; returns its cookie. */
  private static String plant(ApiFixture api, String providerId, String seal) {
    Session session = api.sessionStore.createSession(2 * 60 * 60 * 1000L);
    session.put(CallerAuthHandler.SESSION_PROVIDER, providerId);
    if (seal != null) {
      session.put(SessionSeal.SESSION_KEY, seal);
    }
    api.sessionStore.put(session).await();
    return "dovetail.session=" + session.value();
  }
}
