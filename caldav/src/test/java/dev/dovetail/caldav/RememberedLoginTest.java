package dev.dovetail.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.account.app.RememberedVerifications;
import dev.dovetail.account.domain.Credential;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("HTTP Basic with the account password: verified in full once, then remembered, never past a change")
class RememberedLoginTest extends DavTestBase {

  private int propfind(int port, String user, String password) {
    return dav.requestTo(port, "PROPFIND", "/dav/", null,
        Map.of("Authorization", dav.basic(user, password), "Depth", "0")).status();
  }

  @Test
  @DisplayName("the second request with the same password costs no full verification; a wrong one always does")
  void successIsRemembered() {
    assertThat(propfind(dav.port(), "alice", "alice-password")).isEqualTo(207);
    assertThat(propfind(dav.port(), "alice", "alice-password")).isEqualTo(207);
    assertThat(dav.fullVerifications.get()).isEqualTo(1);

    assertThat(propfind(dav.port(), "alice", "not-her-password")).isEqualTo(401);
    assertThat(propfind(dav.port(), "alice", "not-her-password")).isEqualTo(401);
    assertThat(dav.fullVerifications.get()).isEqualTo(3);
  }

  @Test
  @DisplayName("after a password change the old password is refused at once, on this node and another; the new works")
  void passwordChangeIsSeenAtOnce() {
    int second = dav.secondNode();
    assertThat(propfind(dav.port(), "alice", "alice-password")).isEqualTo(207);
    assertThat(propfind(second, "alice", "alice-password")).isEqualTo(207);

    assertThat(dav.accounts.replacePassword("alice@example.com", "plain:alice-password", "plain:a-new-password!")
        .await()).isTrue();

    assertThat(propfind(dav.port(), "alice", "alice-password")).isEqualTo(401);
    assertThat(propfind(second, "alice", "alice-password")).isEqualTo(401);
    assertThat(propfind(dav.port(), "alice", "a-new-password!")).isEqualTo(207);
    assertThat(propfind(second, "alice", "a-new-password!")).isEqualTo(207);
  }

  @Test
  @DisplayName("turning account-password login off for CalDAV refuses a remembered password at once")
  void turnedOffIsSeenAtOnce() {
    assertThat(propfind(dav.port(), "alice", "alice-password")).isEqualTo(207);
    dav.accountService.setCalDavPasswordLogin("alice", false).await();
    assertThat(propfind(dav.port(), "alice", "alice-password")).isEqualTo(401);
  }

  @Test
  @DisplayName("a remembered verification expires: after its time the password is verified in full again")
  void rememberedForALimitedTime() {
    assertThat(propfind(dav.port(), "alice", "alice-password")).isEqualTo(207);
    dav.clock.advance(RememberedVerifications.TTL.minusSeconds(1));
    assertThat(propfind(dav.port(), "alice", "alice-password")).isEqualTo(207);
    assertThat(dav.fullVerifications.get()).isEqualTo(1);
    dav.clock.advance(RememberedVerifications.TTL);
    assertThat(propfind(dav.port(), "alice", "alice-password")).isEqualTo(207);
    assertThat(dav.fullVerifications.get()).isEqualTo(2);
  }

  @Test
  @DisplayName("a revoked app password is refused by the next request, on this node and another")
  void revokedAppPasswordIsRefusedAtOnce() {
    int second = dav.secondNode();
    assertThat(propfind(dav.port(), "alice", dav.appPassword)).isEqualTo(207);
    assertThat(propfind(second, "alice", dav.appPassword)).isEqualTo(207);

    String id = dav.appPassword.split("_", 3)[1];
    dav.accountService.revoke("alice", Credential.Kind.APP_PASSWORD, id).await();

    assertThat(propfind(dav.port(), "alice", dav.appPassword)).isEqualTo(401);
    assertThat(propfind(second, "alice", dav.appPassword)).isEqualTo(401);
  }
}
