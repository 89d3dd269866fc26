package dev.dovetail.infra.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Which resolved addresses the hub may post webhooks to: none that reach the hub's own host or network. Refused:
 * loopback, unspecified, link-local (with the 169.254.169.254 cloud metadata address), private (RFC 1918, IPv6
 * unique-local fc00::/7, which holds AWS's fd00:ec2::254), carrier-grade NAT 100.64.0.0/10, multicast, and
 * 0.0.0.0/8. IPv4-mapped IPv6 addresses arrive as IPv4 (the JDK unwraps them) and are judged as such.
 */
public final class AddressPolicy {

  private AddressPolicy() {}

  /** Why {@code address} is refused, or empty if the hub may post to it. */
  public static Optional<String> refusal(InetAddress address) {
    if (address.isLoopbackAddress()) {
      return Optional.of("loopback address");
    }
    if (address.isAnyLocalAddress()) {
      return Optional.of("unspecified address");
    }
    if (address.isLinkLocalAddress()) {
      return Optional.of("link-local or metadata address");
    }
    if (address.isSiteLocalAddress()) {
      return Optional.of("private address");
    }
    if (address.isMulticastAddress()) {
      return Optional.of("multicast address");
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if (first == 0) {
        return Optional.of("unspecified address");
      }
      if (first == 100 && second >= 64 && second < 128) {
        return Optional.of("carrier-grade NAT address");
      }
    }
    if (address instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) {
      return Optional.of("private (unique-local) address");
    }
    return Optional.empty();
  }
}
