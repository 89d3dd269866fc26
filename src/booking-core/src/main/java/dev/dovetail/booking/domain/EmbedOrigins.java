package dev.dovetail.booking.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web origins a provider lets frame its public booking pages (ADR 45), each exactly {@code https://host[:port]}
 * as a browser serializes it: lower case, no path, no wildcard, no default port. Plain {@code http} is accepted only
 * for a loopback host ({@code localhost}, {@code 127.x.x.x}), for trying an embed on one's own machine. At most
 * {@link #MAX} origins, since every framed page carries them all in its {@code frame-ancestors} directive.
 */
public record EmbedOrigins(List<String> origins) {

  public static final int MAX = 10;
  static final int MAX_LENGTH = 200;

  private static final String LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
  private static final Pattern ORIGIN =
      Pattern.compile("^(https?)://(" + LABEL + "(?:\\." + LABEL + ")*)(?::([0-9]{1,5}))?$");
  private static final Pattern LOOPBACK = Pattern.compile("^(?:localhost|127(?:\\.[0-9]{1,3}){3})$");

  public EmbedOrigins {
    if (origins == null) {
      throw new InvalidRequestException("allowedOrigins is required");
    }
    if (origins.size() > MAX) {
      throw new InvalidRequestException("allowedOrigins may list at most " + MAX + " origins, not " + origins.size());
    }
    LinkedHashSet<String> canonical = new LinkedHashSet<>();
    for (int i = 0; i < origins.size(); i++) {
      canonical.add(canonical(origins.get(i), "allowedOrigins[" + i + "]"));
    }
    origins = List.copyOf(new ArrayList<>(canonical));
  }

  /** No origin may frame the pages: {@code frame-ancestors 'none'}. */
  public static EmbedOrigins none() {
    return new EmbedOrigins(List.of());
  }

  public boolean isEmpty() {
    return origins.isEmpty();
  }

  /**
   * {@code origin} as the browser writes it ({@code HTTPS://Example.com:443} is {@code https://example.com}); fails
   * with a reason for anything that is not one exact origin.
   */
  static String canonical(String origin, String field) {
    if (origin == null || origin.isBlank()) {
      throw new InvalidRequestException(field + " may not be empty");
    }
    if (origin.length() > MAX_LENGTH) {
      throw new InvalidRequestException(field + " has at most " + MAX_LENGTH + " characters");
    }
    String lower = origin.strip().toLowerCase(Locale.ROOT);
    Matcher m = ORIGIN.matcher(lower);
    if (!m.matches()) {
      throw new InvalidRequestException(field + " is not an origin: write it as https://host or https://host:port, "
          + "without path, wildcard or trailing slash");
    }
    String scheme = m.group(1);
    String host = m.group(2);
    if (host.length() > 253) {
      throw new InvalidRequestException(field + ": the host has at most 253 characters");
    }
    if (scheme.equals("http") && !LOOPBACK.matcher(host).matches()) {
      throw new InvalidRequestException(field + " must use https (plain http only for localhost or 127.x.x.x)");
    }
    if (m.group(3) == null) {
      return scheme + "://" + host;
    }
    int port = Integer.parseInt(m.group(3));
    if (port < 1 || port > 65_535) {
      throw new InvalidRequestException(field + ": the port must be 1 to 65535");
    }
    boolean defaultPort = scheme.equals("https") ? port == 443 : port == 80;
    return defaultPort ? scheme + "://" + host : scheme + "://" + host + ":" + port;
  }
}
