package dev.dovetail.booking.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** What a provider stores of its logo (ADR 57): the content hash, the format and the sides in pixels. */
public record LogoRef(String hash, Logo.Format format, int width, int height) {

  /** The shape of {@link Logo}'s hash: the first 128 bits of its SHA-256, in hex. */
  public static final Pattern HASH = Pattern.compile("[0-9a-f]{32}");

  public LogoRef {
    Objects.requireNonNull(format, "format");
    if (hash == null || !HASH.matcher(hash).matches()) {
      throw new IllegalArgumentException("not a logo hash: " + hash);
    }
  }

  /** The hub path it is served at; the hash makes a new logo a new address. */
  public String path(String providerId) {
    return "/brand/" + providerId + "/logo/" + hash;
  }
}
