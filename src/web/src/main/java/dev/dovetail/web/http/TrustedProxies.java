package dev.dovetail.web.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The proxies whose {@code X-Forwarded-For} the hub believes, as CIDR blocks ({@code 10.0.0.0/8}, {@code
 * 172.16.0.0/12}, {@code ::1/128}). The client address of a request is the right-most hop of the chain that no trusted
 * proxy added: each trusted proxy appends the address it saw, so every entry to the left of an untrusted one may have
 * been written by the client. Addresses are parsed as literals only; no name is ever looked up.
 */
public final class TrustedProxies {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
  /** A longer chain than this is cut: the hops beyond are the client's to invent anyway. */
  static final int MAX_HOPS = 20;
  private static final int MAX_HOP_CHARS = 64;

  private record Block(byte[] network, int prefix) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = 0xff << (8 - rest) & 0xff;
      return (address[full] & mask) == (network[full] & mask);
    }
  }

  private final List<Block> blocks;
  private final List<String> cidrs;

  private TrustedProxies(List<Block> blocks, List<String> cidrs) {
    this.blocks = blocks;
    this.cidrs = cidrs;
  }

  /** Nobody is trusted: the TCP peer is the client. */
  public static TrustedProxies none() {
    return new TrustedProxies(List.of(), List.of());
  }

  /** Parses CIDR blocks (a bare address is a /32 or /128); throws {@link IllegalArgumentException} naming a bad one. */
  public static TrustedProxies of(List<String> cidrs) {
    List<Block> blocks = new ArrayList<>();
    for (String cidr : cidrs) {
      String[] parts = cidr.strip().split("/", 2);
      byte[] network = literal(parts[0]);
      if (network == null) {
        throw new IllegalArgumentException("not an IP address or CIDR block: " + cidr);
      }
      int prefix;
      try {
        prefix = parts.length == 1 ? network.length * 8 : Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a CIDR prefix length: " + cidr, e);
      }
      if (prefix < 0 || prefix > network.length * 8) {
        throw new IllegalArgumentException("CIDR prefix length out of range: " + cidr);
      }
      blocks.add(new Block(network, prefix));
    }
    return new TrustedProxies(List.copyOf(blocks), List.copyOf(cidrs));
  }

  public boolean isEmpty() {
    return blocks.isEmpty();
  }

  public List<String> cidrs() {
    return cidrs;
  }

  /** Whether {@code address} (a literal) lies in one of the trusted blocks. */
  public boolean trusts(String address) {
    byte[] bytes = literal(address);
    if (bytes == null) {
      return false;
    }
    for (Block block : blocks) {
      if (block.contains(bytes)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The client address of a request that reached us from {@code peer} with these {@code X-Forwarded-For} header
   * values (in the order received; each may hold a comma-separated list): the peer itself unless it is trusted, else
   * the right-most hop not in a trusted block, else (all trusted) the left-most hop.
   */
  public String client(String peer, List<String> forwardedFor) {
    if (peer == null || !trusts(peer) || forwardedFor == null || forwardedFor.isEmpty()) {
      return peer;
    }
    List<String> hops = new ArrayList<>();
    for (String header : forwardedFor) {
      for (String hop : header.split(",")) {
        String h = hop.strip();
        if (!h.isEmpty()) {
          hops.add(h);
        }
      }
    }
    String client = peer;
    int seen = 0;
    for (int i = hops.size() - 1; i >= 0 && seen < MAX_HOPS; i--, seen++) {
      String hop = withoutPort(hops.get(i));
      client = hop.length() > MAX_HOP_CHARS ? hop.substring(0, MAX_HOP_CHARS) : hop;
      if (!trusts(hop)) {
        return client;
      }
    }
    return client;
  }

  /** {@code 1.2.3.4:5678} and {@code [2001:db8::1]:443} as proxies sometimes write them, without the port. */
  private static String withoutPort(String hop) {
    if (hop.startsWith("[")) {
      int end = hop.indexOf(']');
      return end > 0 ? hop.substring(1, end) : hop;
    }
    int colon = hop.indexOf(':');
    return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
  }

  /** The bytes of an IPv4 or IPv6 literal, or null; never a DNS lookup. */
  private static byte[] literal(String text) {
    if (text == null) {
      return null;
    }
    String s = text.strip();
    if (!IPV4.matcher(s).matches() && !(s.contains(":") && IPV6.matcher(s).matches())) {
      return null;
    }
    try {
      return InetAddress.getByName(s).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "TrustedProxies" + cidrs;
  }
}
