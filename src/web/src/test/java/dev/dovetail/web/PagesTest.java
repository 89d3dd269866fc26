package dev.dovetail.web;

import static dev.dovetail.web.ApiFixture.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.account.domain.SignUpMode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The HTML pages and their assets (PagesRouter) over HTTP; what they do in a browser is src/browser-tests. */
@ExtendWith(VertxExtension.class)
class PagesTest {

  private static void html(HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).isEqualTo("text/html; charset=utf-8");
    assertThat(response.getHeader("Content-Security-Policy")).contains("default-src 'self'");
    assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
    assertThat(response.bodyAsString()).startsWith("<!doctype html>").contains("<html lang=\"en\">");
  }

  @Test
  @DisplayName("the booking page is rendered with the offer, every value HTML-escaped")
  void bookingPageRendersTheOfferEscaped(Vertx vertx) {
    ApiFixture api = ApiFixture.start(vertx);
    ApiFixture.Tenant alice = api.tenant("alice");
    expect(200, api.send(HttpMethod.PUT, "/api/v1/booking-types/" + alice.typeId(), alice.bearer(), new JsonObject()
        .put("resourceId", alice.resourceId()).put("name", "Tea <script>alert(1)</script> & \"cake\"")
        .put("durationsMinutes", new JsonArray().add(60).add(90))));

    HttpResponse<Buffer> page = api.get("/book/alice/" + alice.typeId());
    html(page, 200);
    String body = page.bodyAsString();
    assertThat(body).contains("<h1 id=\"page-title\">Tea &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;cake&quot;</h1>")
        .doesNotContain("<script>alert(1)")
        .contains("data-booking-type=\"alice-60\"", "data-provider=\"alice\"", "data-resource-zone=\"Europe/Berlin\"",
            "data-durations=\"60,90\"", "1 hour or 90 minutes", "Provider alice", "Room of alice",
            "<script type=\"module\" src=\"/assets/book.js\"></script>",
            "<li id=\"policy\"><span class=\"fact-label\">Cancelling</span> Cancel online any time before the start");
  }

  @Test
  @DisplayName("the provider's page lists its bookable types (escaped), links each to its booking page, and names the "
      + "provider in link previews; another provider's types are not on it")
  void providerPageListsItsTypes(Vertx vertx) {
    ApiFixture api = ApiFixture.start(vertx);
    ApiFixture.Tenant alice = api.tenant("alice");
    api.tenant("bob");
    expect(200, api.send(HttpMethod.PUT, "/api/v1/booking-types/" + alice.typeId(), alice.bearer(), new JsonObject()
        .put("resourceId", alice.resourceId()).put("name", "Tea <b>& cake</b>").put("durationsMinutes",
            new JsonArray().add(60))));

    HttpResponse<Buffer> page = api.get("/book/alice");
    html(page, 200);
    String body = page.bodyAsString();
    assertThat(body).contains("<h1 id=\"page-title\">Book with Provider alice</h1>",
            "<meta property=\"og:title\" content=\"Book with Provider alice\">",
            "<a href=\"/book/alice/" + alice.typeId() + "\">", "Tea &lt;b&gt;&amp; cake&lt;/b&gt;", "1 hour",
            "Room of alice", "1 appointment to book online")
        .doesNotContain("<b>&", "/book/bob/");
    assertThat(api.get("/book/bob").bodyAsString()).doesNotContain("/book/alice/").contains("/book/bob/");
    assertThat(api.get("/book/alice/" + alice.typeId()).bodyAsString())
        .contains("<meta property=\"og:title\" content=\"Tea &lt;b&gt;&amp; cake&lt;/b&gt; with Provider alice\">");
  }

  @Test
  @DisplayName("another provider's type, unknown types and truncated links are 404 HTML pages, not JSON")
  void wrongProviderAndUnknownPagesAre404Pages(Vertx vertx) {
    ApiFixture api = ApiFixture.start(vertx);
    ApiFixture.Tenant alice = api.tenant("alice");
    api.tenant("bob");
    for (String path : List.of("/book/bob/" + alice.typeId(), "/book/alice/no-such-type", "/book/no-such-provider",
        "/book/Alice/" + alice.typeId(), "/booked/not-a-token", "/manage/", "/manage/a.b.c")) {
      HttpResponse<Buffer> page = api.get(path);
      html(page, 404);
      assertThat(page.bodyAsString()).as(path).contains("Page not found").doesNotContain("alice-room");
    }
    html(api.get("/manage/" + alice.manageToken()), 200);
    html(api.get("/booked/" + alice.manageToken()), 200);
  }

  @Test
  @DisplayName("pages are open to GET only; other methods and unknown API paths stay behind authentication")
  void pagesAreOpenToGetOnly(Vertx vertx) {
    ApiFixture api = ApiFixture.start(vertx);
    ApiFixture.Tenant alice = api.tenant("alice");
    ApiFixture.expectProblem(401, api.post("/book/alice/" + alice.typeId(), new JsonObject()));
    ApiFixture.expectProblem(401, api.send(HttpMethod.DELETE, "/assets/book.js", null, null));
    ApiFixture.expectProblem(401, api.post("/signup", new JsonObject()));
    ApiFixture.expectProblem(401, api.get("/api/v1/not-there"));
    ApiFixture.expectProblem(401, api.get("/api/"));
  }

  @Test
  @DisplayName("every other address outside the API is an HTML 404 page, and /dashboard/ is the dashboard (issue 18)")
  void otherAddressesAre404Pages(Vertx vertx) {
    ApiFixture api = ApiFixture.start(vertx);
    for (String path : List.of("/nowhere", "/dashboard/secrets", "/bookings", "/signup/more", "/api", "/apis/v1",
        "/index.html", "/%3Cscript%3E")) {
      HttpResponse<Buffer> page = api.get(path);
      html(page, 404);
      assertThat(page.bodyAsString()).as(path).contains("Page not found").doesNotContain("<script>");
    }
    html(api.get("/dashboard/"), 200);
    for (String adapter : List.of("/webcal/nothing", "/hooks/nothing", "/dav/nothing", "/.well-known/nothing")) {
      assertThat(api.get(adapter).getHeader("Content-Type")).as(adapter).startsWith("application/problem+json");
    }
    HttpResponse<Buffer> icon = api.get("/favicon.ico");
    assertThat(icon.followedRedirects()).as("redirected to the icon").singleElement().asString()
        .endsWith("/assets/favicon.svg");
    assertThat(icon.getHeader("Content-Type")).startsWith("image/svg+xml");
  }

  @Test
  @DisplayName("the landing page says what the hub is and links to log-in, and to sign-up unless it is closed")
  void landingPageLinksTheWayIn(Vertx vertx) {
    ApiFixture open = ApiFixture.start(vertx, SignUpMode.OPEN);
    HttpResponse<Buffer> page = open.get("/");
    html(page, 200);
    assertThat(page.bodyAsString()).contains("<a class=\"button\" id=\"home-dashboard\" href=\"/dashboard\">Log in</a>",
        "href=\"/signup\">Sign up</a>");
    assertThat(page.cookies()).as("no session is created for a visitor").isEmpty();
    ApiFixture.Tenant alice = open.tenant("alice");
    assertThat(open.get("/", alice.session().auth()).bodyAsString()).contains("Open your dashboard")
        .doesNotContain("/signup");
    assertThat(ApiFixture.start(vertx, SignUpMode.INVITE).get("/").bodyAsString())
        .contains("Sign up with an invitation");
    assertThat(ApiFixture.start(vertx, SignUpMode.CLOSED).get("/").bodyAsString()).doesNotContain("/signup");
  }

  @Test
  @DisplayName("the sign-up page follows the sign-up policy; an invitation from the link is kept only in its shape")
  void signUpPageFollowsThePolicy(Vertx vertx) {
    HttpResponse<Buffer> open = ApiFixture.start(vertx, SignUpMode.OPEN).get("/signup");
    html(open, 200);
    assertThat(open.bodyAsString()).contains("data-signup=\"open\"", "data-invite=\"\"",
        "<script type=\"module\" src=\"/assets/signup.js\"></script>", "href=\"/dashboard\">Log in</a>");
    ApiFixture invite = ApiFixture.start(vertx, SignUpMode.INVITE);
    String token = "ZW1haWxAZXhhbXBsZS5jb20K.abcdefghijklmnopqrstuvwxyz0123456789_-AB";
    assertThat(invite.get("/signup?invite=" + token).bodyAsString())
        .contains("data-signup=\"invite\"", "data-invite=\"" + token + "\"");
    assertThat(invite.get("/signup?invite=%22%3E%3Cscript%3Ex").bodyAsString())
        .contains("data-invite=\"\"").doesNotContain("<script>x");
    HttpResponse<Buffer> closed = ApiFixture.start(vertx, SignUpMode.CLOSED).get("/signup");
    html(closed, 200);
    assertThat(closed.bodyAsString()).contains("data-signup=\"closed\"", "Sign-up is closed");
  }

  @Test
  @DisplayName("the forgotten-password pages are shells for password.js; the token never reaches the server")
  void passwordPages(Vertx vertx) {
    ApiFixture api = ApiFixture.start(vertx);
    HttpResponse<Buffer> forgot = api.get("/forgot-password");
    html(forgot, 200);
    assertThat(forgot.bodyAsString()).contains("data-view=\"forgot\"", "Forgot your password?",
        "<script type=\"module\" src=\"/assets/password.js\"></script>");
    HttpResponse<Buffer> reset = api.get("/reset-password");
    html(reset, 200);
    assertThat(reset.bodyAsString()).contains("data-view=\"reset\"", "Choose a new password");
    html(api.get("/reset-password/abc.def"), 404);
  }

  @Test
  @DisplayName("every page whose module shows days carries the hub's now, not the server machine's (ADR 30)")
  void pagesCarryTheHubsNow(Vertx vertx) {
    ApiFixture api = ApiFixture.start(vertx);
    ApiFixture.Tenant alice = api.tenant("alice");
    java.time.Instant hubNow = java.time.Instant.parse("2031-02-28T23:30:00.125Z");
    api.clock.set(hubNow);
    for (String path : List.of("/book/alice/" + alice.typeId(), "/booked/" + alice.manageToken(),
        "/manage/" + alice.manageToken(), "/dashboard", "/waitlist/claim/alice-entry.abcdefgh")) {
      HttpResponse<Buffer> page = api.get(path);
      html(page, 200);
      assertThat(page.bodyAsString()).as(path).contains("data-now=\"2031-02-28T23:30:00.125Z\"");
    }
    api.clock.set(hubNow.plusSeconds(86_400));
    assertThat(api.get("/dashboard").bodyAsString()).contains("data-now=\"2031-03-01T23:30:00.125Z\"");
  }

  @Test
  @DisplayName("the dashboard shell knows whether the request carries a live session")
  void dashboardShellKnowsTheSession(Vertx vertx) {
    ApiFixture api = ApiFixture.start(vertx);
    ApiFixture.Tenant alice = api.tenant("alice");
    HttpResponse<Buffer> anonymous = api.get("/dashboard");
    html(anonymous, 200);
    assertThat(anonymous.bodyAsString()).contains("data-signed-in=\"false\"", "data-signup=\"open\"");
    assertThat(anonymous.cookies()).as("no session is created for a visitor").isEmpty();
    HttpResponse<Buffer> signedIn = api.get("/dashboard", alice.session().auth());
    assertThat(signedIn.bodyAsString()).contains("data-signed-in=\"true\"");
    HttpResponse<Buffer> stale = api.get("/dashboard",
        ApiFixture.Auth.session("dovetail.session=0123456789abcdef0123456789abcdef", null));
    assertThat(stale.bodyAsString()).contains("data-signed-in=\"false\"");
  }

  @Test
  @DisplayName("assets are served with their types, the security headers and a short cache; no unknown file leaks")
  void assetsAreServed(Vertx vertx) {
    ApiFixture api = ApiFixture.start(vertx);
    HttpResponse<Buffer> js = api.get("/assets/book.js");
    assertThat(js.statusCode()).isEqualTo(200);
    assertThat(js.getHeader("Content-Type")).contains("javascript");
    assertThat(js.getHeader("Content-Security-Policy")).contains("default-src 'self'");
    assertThat(js.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(js.getHeader("Cache-Control")).contains("max-age=");
    assertThat(api.get("/assets/dovetail.css").getHeader("Content-Type")).startsWith("text/css");
    assertThat(api.get("/assets/favicon.svg").getHeader("Content-Type")).startsWith("image/svg+xml");
    assertThat(api.get("/assets/no-such-file.js").statusCode()).isEqualTo(404);
    assertThat(api.get("/assets/../openapi.yaml").statusCode()).isEqualTo(200);  // normalized: the contract itself
    assertThat(api.get("/assets/%2e%2e/%2e%2e/pom.xml").statusCode()).isIn(401, 404);
  }

  @Test
  @DisplayName("page templates and modules have no inline script or style and build no HTML from strings (CSP)")
  void noInlineScriptsOrStyles() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
      for (Path file : files.filter(p -> p.toString().matches(".*\\.(html|js)$")).toList()) {
        String text = Files.readString(file);
        if (file.toString().endsWith(".html")) {
          assertThat(text).as(file.toString()).doesNotContain("<style", " style=", "javascript:", " onclick=", " onload=")
              .doesNotContainPattern("<script(?![^>]*\\bsrc=)");
        } else {
          assertThat(text).as(file.toString()).doesNotContain("innerHTML", "outerHTML =", "insertAdjacentHTML", "eval(",
              "document.write", "new Function");
        }
      }
    }
  }

  @Test
  @DisplayName("GET .../ics is the booking as text/calendar; a cancelled booking is a cancelled event")
  void bookingAsIcs(Vertx vertx) {
    ApiFixture api = ApiFixture.start(vertx);
    ApiFixture.Tenant alice = api.tenant("alice");
    HttpResponse<Buffer> ics = api.get("/api/v1/public/bookings/" + alice.manageToken() + "/ics");
    assertThat(ics.statusCode()).isEqualTo(200);
    assertThat(ics.getHeader("Content-Type")).isEqualTo("text/calendar; charset=utf-8");
    assertThat(ics.getHeader("Content-Disposition")).contains("attachment", ".ics");
    String text = ics.bodyAsString();
    assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n")
        .contains("UID:" + alice.bookingId() + "@dovetail\r\n", "SUMMARY:One hour with Provider alice\r\n",
            "LOCATION:Room of alice\r\n", "STATUS:CONFIRMED\r\n", "METHOD:PUBLISH\r\n");
    expect(200, api.post("/api/v1/public/bookings/" + alice.manageToken() + "/cancel", null));
    assertThat(api.get("/api/v1/public/bookings/" + alice.manageToken() + "/ics").bodyAsString())
        .contains("STATUS:CANCELLED\r\n");
    String forged = alice.bookingId() + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    assertThat(api.get("/api/v1/public/bookings/" + forged + "/ics").statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("the booking page counts against the public rate limit and says so as a page")
  void bookingPageIsRateLimited(Vertx vertx) {
    ApiFixture api = ApiFixture.start(vertx, 3, 64 * 1024);
    HttpResponse<Buffer> last = null;
    for (int i = 0; i < 5; i++) {
      last = api.get("/book/alice/alice-60");
    }
    html(last, 429);
    assertThat(last.getHeader("Retry-After")).isNotBlank();
    assertThat(last.bodyAsString()).contains("Too many requests");
    assertThat(api.get("/assets/book.js").statusCode()).as("assets are not limited").isEqualTo(200);
  }
}
