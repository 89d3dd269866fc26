package dev.dovetail.web;

import static dev.dovetail.web.ApiFixture.expect;
import static dev.dovetail.web.ApiFixture.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Embedding (ADR 45) over HTTP: the provider's allowed origins through {@code /api/v1/embed-settings}, and which
 * answers carry them in {@code frame-ancestors} (the provider, booking and confirmation pages of that provider only).
 */
@ExtendWith(VertxExtension.class)
class EmbedApiTest {

  private static final String NONE = "default-src 'self'; frame-ancestors 'none'";
  private static final String ALICE_SITES =
      "default-src 'self'; frame-ancestors https://shop.example.com https://www.example.org:8443";

  private ApiFixture api;
  private ApiFixture.Tenant alice;
  private ApiFixture.Tenant bob;

  @BeforeEach
  void tenants(Vertx vertx) {
    api = ApiFixture.start(vertx);
    alice = api.tenant("alice");
    bob = api.tenant("bob");
  }

  private HttpResponse<Buffer> setOrigins(ApiFixture.Auth auth, String... origins) {
    return api.send(HttpMethod.PUT, "/api/v1/embed-settings", auth,
        new JsonObject().put("allowedOrigins", new JsonArray(List.of((Object[]) origins))));
  }

  private static void framedBy(HttpResponse<Buffer> response, String policy, String what) {
    assertThat(response.getHeader("Content-Security-Policy")).as(what).isEqualTo(policy);
    if (policy.equals(NONE)) {
      assertThat(response.getHeader("X-Frame-Options")).as(what).isEqualTo("DENY");
    } else {
      assertThat(response.getHeader("X-Frame-Options")).as(what).isNull();
    }
  }

  @Test
  @DisplayName("a provider sets its origins (kept canonical) and reads them back with the addresses to share")
  void originsAreSetAndReadBack() {
    JsonObject none = expect(200, api.get("/api/v1/embed-settings", alice.bearer()));
    assertThat(none.getJsonArray("allowedOrigins")).isEmpty();
    assertThat(none.getString("providerPageUrl")).isEqualTo("http://localhost:8080/book/alice");
    assertThat(none.getString("embedScriptUrl")).isEqualTo("http://localhost:8080/embed.js");

    JsonObject set = expect(200, setOrigins(alice.session().auth(), "https://Shop.Example.com:443",
        "https://www.example.org:8443", "https://shop.example.com"));
    assertThat(set.getJsonArray("allowedOrigins").getList())
        .containsExactly("https://shop.example.com", "https://www.example.org:8443");
    assertThat(expect(200, api.get("/api/v1/embed-settings", alice.bearer())).getJsonArray("allowedOrigins")
        .getList()).containsExactly("https://shop.example.com", "https://www.example.org:8443");
    assertThat(expect(200, api.get("/api/v1/embed-settings", bob.bearer())).getJsonArray("allowedOrigins"))
        .as("bob's settings are his own").isEmpty();
  }

  @Test
  @DisplayName("a bad origin, too many, or a wrong shape is 400 with the reason, and nothing is stored")
  void badOriginsAreRefused() {
    expect(200, setOrigins(alice.bearer(), "https://shop.example.com"));
    for (String bad : List.of("https://shop.example.com/", "https://*.example.com", "http://shop.example.com",
        "https://shop.example.com;script-src *", "'self'")) {
      JsonObject problem = expectProblem(400, setOrigins(alice.bearer(), "https://ok.example", bad));
      assertThat(problem.getString("detail")).as(bad).contains("allowedOrigins[1]");
    }
    String[] eleven = new String[11];
    for (int i = 0; i < eleven.length; i++) {
      eleven[i] = "https://site" + i + ".example";
    }
    expectProblem(400, setOrigins(alice.bearer(), eleven));
    expectProblem(400, api.send(HttpMethod.PUT, "/api/v1/embed-settings", alice.bearer(),
        new JsonObject().put("allowedOrigins", "https://shop.example.com")));
    expectProblem(400, api.send(HttpMethod.PUT, "/api/v1/embed-settings", alice.bearer(),
        new JsonObject().put("allowedOrigins", new JsonArray().add(7))));
    assertThat(expect(200, api.get("/api/v1/embed-settings", alice.bearer())).getJsonArray("allowedOrigins")
        .getList()).containsExactly("https://shop.example.com");
  }

  @Test
  @DisplayName("the settings need the provider's credentials, and a session's write its CSRF token")
  void settingsNeedTheProvider() {
    expectProblem(401, api.get("/api/v1/embed-settings"));
    expectProblem(401, setOrigins(null, "https://shop.example.com"));
    expectProblem(403, setOrigins(alice.session().withoutCsrf(), "https://shop.example.com"));
  }

  @Test
  @DisplayName("only the provider, booking and confirmation pages of the listing provider name its origins; its manage "
      + "page, error pages, other providers' pages, the dashboard and the API keep frame-ancestors 'none'")
  void frameAncestorsPerPage() {
    expect(200, setOrigins(alice.bearer(), "https://shop.example.com", "https://www.example.org:8443"));

    framedBy(api.get("/book/alice"), ALICE_SITES, "provider page");
    framedBy(api.get("/book/alice/" + alice.typeId()), ALICE_SITES, "booking page");
    framedBy(api.get("/booked/" + alice.manageToken()), ALICE_SITES, "confirmation");

    framedBy(api.get("/manage/" + alice.manageToken()), NONE, "manage page");
    framedBy(api.get("/book/alice/no-such-type"), NONE, "404 under alice");
    framedBy(api.get("/book/alice/" + bob.typeId()), NONE, "bob's type under alice's handle");
    String forged = alice.manageToken().substring(0, alice.manageToken().indexOf('.') + 1) + "AAAAAAAAAAAAAAAA";
    framedBy(api.get("/booked/" + forged), NONE, "forged confirmation link");
    framedBy(api.get("/book/bob"), NONE, "bob's provider page");
    framedBy(api.get("/book/bob/" + bob.typeId()), NONE, "bob's booking page");
    framedBy(api.get("/booked/" + bob.manageToken()), NONE, "bob's confirmation");
    framedBy(api.get("/dashboard"), NONE, "dashboard");
    framedBy(api.get("/"), NONE, "landing page");
    framedBy(api.get("/assets/book.js"), NONE, "asset");
    framedBy(api.get("/api/v1/public/booking-types/" + alice.typeId()), NONE, "public API");
    framedBy(api.get("/api/v1/embed-settings", alice.bearer()), NONE, "provider API");

    expect(200, setOrigins(alice.bearer()));
    framedBy(api.get("/book/alice/" + alice.typeId()), NONE, "booking page after the list is emptied");
  }

  @Test
  @DisplayName("the pop-up script and the QR code of a page's public address are served to anyone")
  void embedScriptAndQrCode() {
    HttpResponse<Buffer> script = api.get("/embed.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.getHeader("Content-Type")).isEqualTo("text/javascript; charset=utf-8");
    assertThat(script.bodyAsString()).contains("data-dovetail-book", "showModal");

    HttpResponse<Buffer> qr = api.get("/qr/book/alice/" + alice.typeId());
    assertThat(qr.statusCode()).isEqualTo(200);
    assertThat(qr.getHeader("Content-Type")).isEqualTo("image/svg+xml; charset=utf-8");
    assertThat(qr.bodyAsString()).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"");
    assertThat(api.get("/qr/book/alice").statusCode()).isEqualTo(200);
    assertThat(api.get("/qr/book/Alice").statusCode()).isEqualTo(404);
    assertThat(api.get("/qr/book/alice/x%20y").statusCode()).isEqualTo(404);
  }
}
