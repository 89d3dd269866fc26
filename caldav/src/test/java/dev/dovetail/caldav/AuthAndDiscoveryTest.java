package dev.dovetail.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.caldav.CalDavServerFixture.Response;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Authentication, tenant isolation and discovery (RFC 6764, RFC 5397)")
class AuthAndDiscoveryTest extends DavTestBase {

  @Test
  @DisplayName("no or wrong credentials are 401 with a Basic challenge")
  void unauthenticatedIs401() {
    Response none = dav.request("PROPFIND", "/dav/", null, Map.of("Authorization", "", "Depth", "0"));
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.header("WWW-Authenticate")).startsWith("Basic realm=\"Dovetail\"");
    assertThat(dav.request("PROPFIND", "/dav/", null,
        Map.of("Authorization", dav.basic("alice", "wrong"), "Depth", "0")).status()).isEqualTo(401);
    assertThat(dav.request("PROPFIND", "/dav/", null,
        Map.of("Authorization", dav.basic("bob", dav.appPassword), "Depth", "0")).status()).isEqualTo(401);
  }

  @Test
  @DisplayName("PROPFIND on the bare host URL: a Basic challenge without credentials, the principal with them")
  void bareHostUrlIsADavEntryPoint() {
    Response none = dav.request("PROPFIND", "/", null, Map.of("Authorization", "", "Depth", "0"));
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.header("WWW-Authenticate")).startsWith("Basic realm=\"Dovetail\"");
    Response found = dav.request("PROPFIND", "/", propfind("<d:current-user-principal/>"), Map.of("Depth", "0"));
    assertThat(found.status()).isEqualTo(207);
    assertThat(found.body()).contains("<d:current-user-principal><d:href>/dav/principals/alice/</d:href>");
    assertThat(dav.request("GET", "/", null, Map.of("Authorization", "")).status()).isNotEqualTo(401);
  }

  @Test
  @DisplayName("the account password with the provider handle also logs in")
  void accountPasswordWorks() {
    assertThat(dav.request("PROPFIND", "/dav/", null,
        Map.of("Authorization", dav.basic("alice", "alice-password"), "Depth", "0")).status()).isEqualTo(207);
  }

  @Test
  @DisplayName("with account-password login turned off for CalDAV only app passwords work; the dashboard login stays")
  void accountPasswordCanBeTurnedOff() {
    Map<String, String> withAccountPassword = Map.of("Authorization", dav.basic("alice", "alice-password"), "Depth", "0");
    dav.accountService.setCalDavPasswordLogin("alice", false).await();

    assertThat(dav.accountService.calDavPasswordLogin("alice").await()).isFalse();
    assertThat(dav.request("PROPFIND", "/dav/", null, withAccountPassword).status()).isEqualTo(401);
    assertThat(dav.request("PROPFIND", "/dav/", null, Map.of("Depth", "0")).status()).as("app password").isEqualTo(207);
    assertThat(dav.accountService.withPassword("alice", "alice-password").await().providerId()).isEqualTo("alice");

    dav.accountService.setCalDavPasswordLogin("alice", true).await();
    assertThat(dav.request("PROPFIND", "/dav/", null, withAccountPassword).status()).isEqualTo(207);
  }

  @Test
  @DisplayName("another tenant's principal, home, calendar and objects are 404, not 403")
  void otherTenantIs404() {
    for (String path : new String[] {"/dav/principals/bob/", "/dav/calendars/bob/", "/dav/calendars/bob/studio/",
        "/dav/calendars/alice/studio/"}) {
      assertThat(dav.request("PROPFIND", path, null, Map.of("Depth", "0")).status()).as(path).isEqualTo(404);
    }
    assertThat(dav.request("GET", "/dav/calendars/bob/studio/x.ics", null).status()).isEqualTo(404);
    assertThat(dav.put("../../bob/studio/x.ics", "x").status()).isIn(400, 404);
  }

  @Test
  @DisplayName("/.well-known/caldav redirects to /dav/, whose current-user-principal leads to the calendar home")
  void discovery() {
    Response wk = dav.request("PROPFIND", "/.well-known/caldav", null, Map.of("Authorization", ""));
    assertThat(wk.status()).isEqualTo(301);
    assertThat(wk.header("Location")).isEqualTo("/dav/");
    Response root = dav.request("PROPFIND", "/dav/", propfind("<d:current-user-principal/>"), Map.of("Depth", "0"));
    assertThat(root.body()).contains("<d:current-user-principal><d:href>/dav/principals/alice/</d:href>");
    Response principal = dav.request("PROPFIND", "/dav/principals/alice/",
        propfind("<c:calendar-home-set/><c:calendar-user-address-set/><d:principal-URL/>"), Map.of("Depth", "0"));
    assertThat(principal.body())
        .contains("<c:calendar-home-set><d:href>/dav/calendars/alice/</d:href></c:calendar-home-set>")
        .contains("mailto:alice@example.com")
        .contains("<d:principal-URL><d:href>/dav/principals/alice/</d:href>");
  }

  @Test
  @DisplayName("OPTIONS answers the DAV classes (extended-mkcol too) and the implemented methods; others are 405")
  void optionsAndUnknownMethods() {
    Response options = dav.request("OPTIONS", "/dav/calendars/alice/room/", null, Map.of("Authorization", ""));
    assertThat(options.status()).isEqualTo(200);
    assertThat(options.header("DAV")).isEqualTo("1, 3, calendar-access, extended-mkcol");
    assertThat(options.header("Allow"))
        .isEqualTo("OPTIONS, PROPFIND, PROPPATCH, MKCALENDAR, MKCOL, GET, HEAD, PUT, DELETE, REPORT");
    Response post = dav.request("POST", "/dav/calendars/alice/room/", "x");
    assertThat(post.status()).isEqualTo(405);
    assertThat(post.header("Allow")).contains("PROPFIND");
    assertThat(dav.request("MOVE", "/dav/calendars/alice/room/x.ics", null).status()).isEqualTo(405);
  }

  @Test
  @DisplayName("responses carry security headers")
  void securityHeaders() {
    Response r = dav.request("PROPFIND", "/dav/", null, Map.of("Depth", "0"));
    assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(r.header("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  @DisplayName("failed logins are throttled (per address and name, and per account with back-off): then 429 with "
      + "Retry-After, even with the right password, until the lock has passed")
  void failedLoginsAreThrottled() {
    for (int i = 0; i < 20; i++) {
      int expected = i < dev.dovetail.account.app.LoginThrottle.FREE_FAILURES + 1 ? 401 : 429;
      assertThat(dav.request("PROPFIND", "/dav/", null,
          Map.of("Authorization", dav.basic(i % 2 == 0 ? "alice" : " ALICE", "guess-" + i), "Depth", "0")).status())
          .as("attempt " + i).isEqualTo(expected);
    }
    Response blocked = dav.request("PROPFIND", "/dav/", null, Map.of("Depth", "0"));
    assertThat(blocked.status()).isEqualTo(429);
    assertThat(blocked.header("Retry-After")).isNotNull();
    dav.clock.advance(dev.dovetail.account.app.LoginThrottle.MAX_LOCK);
    assertThat(dav.request("PROPFIND", "/dav/", null, Map.of("Depth", "0")).status()).isEqualTo(207);
  }
}
