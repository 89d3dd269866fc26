package dev.dovetail.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 15, item 2: the client address behind trusted proxies, with forged and proper X-Forwarded-For chains. */
class TrustedProxiesTest {

  private static final String NGINX = "172.18.0.5";
  private final TrustedProxies compose = TrustedProxies.of(List.of("172.16.0.0/12", "::1/128"));

  @Test
  @DisplayName("a proper chain behind nginx: the address nginx saw is the client")
  void properChainGivesTheAddressTheProxySaw() {
    assertThat(compose.client(NGINX, List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
  }

  @Test
  @DisplayName("a forged chain: entries the client wrote left of the proxy's own hop are ignored")
  void forgedEntriesLeftOfTheTrustedHopAreIgnored() {
    assertThat(compose.client(NGINX, List.of("198.51.100.1, 203.0.113.9"))).isEqualTo("203.0.113.9");
    assertThat(compose.client(NGINX, List.of("1.1.1.1", "2.2.2.2, 203.0.113.9"))).isEqualTo("203.0.113.9");
    // A client pretending to be a trusted proxy only moves the answer to its own, real, address.
    assertThat(compose.client(NGINX, List.of("198.51.100.1, 172.18.0.99, 203.0.113.9"))).isEqualTo("203.0.113.9");
  }

  @Test
  @DisplayName("two proxies in a row: the right-most untrusted hop is the client")
  void chainOfTrustedProxiesIsWalkedFromTheRight() {
    assertThat(compose.client(NGINX, List.of("198.51.100.1, 203.0.113.9, 172.20.0.2"))).isEqualTo("203.0.113.9");
    assertThat(compose.client(NGINX, List.of("172.20.0.3, 172.20.0.2"))).as("all trusted: the left-most")
        .isEqualTo("172.20.0.3");
  }

  @Test
  @DisplayName("a peer outside the trusted blocks is the client, whatever header it sends")
  void untrustedPeerIsTheClient() {
    assertThat(compose.client("203.0.113.50", List.of("198.51.100.1"))).isEqualTo("203.0.113.50");
    assertThat(TrustedProxies.none().client(NGINX, List.of("198.51.100.1"))).isEqualTo(NGINX);
    assertThat(compose.client(NGINX, List.of())).isEqualTo(NGINX);
  }

  @Test
  @DisplayName("ports and IPv6 brackets are dropped; host names are never looked up, only literals match a block")
  void literalsOnly() {
    assertThat(compose.client(NGINX, List.of("203.0.113.9:51234"))).isEqualTo("203.0.113.9");
    assertThat(compose.client("::1", List.of("[2001:db8::7]:443"))).isEqualTo("2001:db8::7");
    assertThat(compose.trusts("localhost")).isFalse();
    assertThat(compose.trusts("::ffff:172.18.0.5")).as("IPv4-mapped").isTrue();
    assertThat(compose.trusts("172.32.0.1")).isFalse();
    assertThat(compose.client(NGINX, List.of("not-an-address"))).isEqualTo("not-an-address");
  }

  @Test
  @DisplayName("CIDR blocks: prefix lengths are honoured; malformed blocks are refused with the block named")
  void cidrParsing() {
    TrustedProxies one = TrustedProxies.of(List.of("10.0.0.5", "192.168.8.0/22"));
    assertThat(one.trusts("10.0.0.5")).isTrue();
    assertThat(one.trusts("10.0.0.6")).isFalse();
    assertThat(one.trusts("192.168.11.255")).isTrue();
    assertThat(one.trusts("192.168.12.0")).isFalse();
    assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33"))).hasMessageContaining("10.0.0.0/33");
    assertThatThrownBy(() -> TrustedProxies.of(List.of("proxy.internal"))).hasMessageContaining("proxy.internal");
    assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/x"))).hasMessageContaining("10.0.0.0/x");
  }
}
