package dev.dovetail.web;

import static dev.dovetail.web.ApiFixture.expect;
import static dev.dovetail.web.ApiFixture.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.port.in.ListAvailability;
import dev.dovetail.web.pages.PagesRouter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaml.snakeyaml.Yaml;

/** Health, the served contract, security headers, and the error mapper's edges (404, 405, 500 without leaks). */
@ExtendWith(VertxExtension.class)
class OpsTest {

  @Test
  @DisplayName("GET /ready is 200 UP with the store check and 503 DOWN when the store does not answer; GET /health "
      + "stays 200 (alive) all along")
  void readinessFollowsTheStoreLivenessDoesNot(Vertx vertx) {
    ApiFixture api = ApiFixture.start(vertx);
    JsonObject up = expect(200, api.get("/ready"));
    assertThat(up.getString("status")).isEqualTo("UP");
    assertThat(up.getJsonArray("checks").getJsonObject(0).getString("id")).isEqualTo("store");
    assertThat(expect(200, api.get("/health")).getString("status")).isEqualTo("UP");
    api.storeUp.set(false);
    HttpResponse<Buffer> down = api.get("/ready");
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(down.bodyAsJsonObject().getString("status")).isEqualTo("DOWN");
    assertThat(down.bodyAsString()).doesNotContain("store down");
    assertThat(expect(200, api.get("/health")).getString("status")).isEqualTo("UP");
  }

  @Test
  @DisplayName("GET /openapi.yaml serves the contract, and it describes every route of the router")
  @SuppressWarnings("unchecked")
  void theServedContractDescribesEveryRoute(Vertx vertx) {
    ApiFixture api = ApiFixture.start(vertx);
    HttpResponse<Buffer> response = api.get("/openapi.yaml");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("application/yaml");
    Map<String, Object> document = new Yaml().load(response.bodyAsString());
    assertThat(String.valueOf(document.get("openapi"))).startsWith("3.1");
    Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
    int operations = 0;
    for (Route route : api.router.getRoutes()) {
      if (route.getPath() == null || PagesRouter.PAGE_PATHS.stream().anyMatch(p -> p.matches(route.getPath()))) {
        continue; // HTML pages and their assets are not API operations (PagesRouter)
      }
      String openApiPath = route.getPath().replaceAll(":([A-Za-z]+)", "{$1}");
      assertThat(paths).as("documented path").containsKey(openApiPath);
      for (HttpMethod method : route.methods()) {
        Map<String, Object> operation = (Map<String, Object>) paths.get(openApiPath).get(method.name().toLowerCase());
        assertThat(operation).as(method + " " + openApiPath).isNotNull();
        assertThat(operation.get("operationId")).isNotNull();
        operations++;
      }
    }
    assertThat(operations).isEqualTo(90);
  }

  @Test
  @DisplayName("every response carries the security headers, errors and 404s included")
  void securityHeadersOnEveryResponse(Vertx vertx) {
    ApiFixture api = ApiFixture.start(vertx);
    for (HttpResponse<Buffer> response : new HttpResponse[] {
        api.get("/health"), api.get("/api/v1/me"), api.get("/nowhere"), api.get("/openapi.yaml"),
        api.post("/api/v1/auth/login", "{")}) {
      assertThat(response.getHeader("Content-Security-Policy")).contains("default-src 'self'");
      assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
      assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
      assertThat(response.getHeader("Strict-Transport-Security")).contains("max-age=");
    }
    assertThat(api.get("/api/v1/me").getHeader("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  @DisplayName("an authenticated caller gets 404 for unknown paths and 405 for a wrong method, as problems")
  void unknownPathsAndMethods(Vertx vertx) {
    ApiFixture api = ApiFixture.start(vertx);
    ApiFixture.Tenant alice = api.tenant("alice");
    expectProblem(404, api.get("/api/v1/nothing-here", alice.bearer()));
    expectProblem(405, api.send(HttpMethod.PATCH, "/api/v1/resources", alice.bearer(), null));
    expectProblem(405, api.send(HttpMethod.DELETE, "/api/v1/public/booking-types/" + alice.typeId(), alice.bearer(),
        null));
    // Anonymous callers learn nothing about methods that exist only for others: default deny answers first.
    expectProblem(401, api.send(HttpMethod.DELETE, "/api/v1/public/booking-types/" + alice.typeId(), null, null));
  }

  @Test
  @DisplayName("an unexpected failure is a 500 problem that reveals nothing of the inside")
  void unexpectedFailuresLeakNothing(Vertx vertx) {
    ListAvailability broken = query -> Future.failedFuture(
        new IllegalStateException("connection to mongodb://admin:hunter2@db failed"));
    ApiFixture api = ApiFixture.start(vertx, 1000, WebOptions.DEFAULT_MAX_BODY_BYTES, s -> Services.of(
        s.booking().withAvailability(broken), s.accounts(), s.storeHealth()));
    LocalDate monday = ApiFixture.monday();
    HttpResponse<Buffer> response = api.get("/api/v1/public/booking-types/any-type/slots?from=" + monday + "&to="
        + monday.plusDays(1) + "&tz=UTC");
    JsonObject problem = expectProblem(500, response);
    assertThat(response.bodyAsString()).doesNotContain("hunter2").doesNotContain("mongodb")
        .doesNotContain("IllegalState");
    assertThat(problem.getString("type")).endsWith("internal");
  }

  @Test
  @DisplayName("the router refuses to start when the options are absurd")
  void optionsAreChecked(Vertx vertx) {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new WebOptions(null, 1, 1024, false))
        .isInstanceOf(NullPointerException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> new WebOptions(io.vertx.ext.web.sstore.LocalSessionStore.create(vertx), 0, 1024, false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
