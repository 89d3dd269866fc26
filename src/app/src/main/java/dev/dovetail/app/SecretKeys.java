package dev.dovetail.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that signs customers' manage links. {@code DOVETAIL_SECRET_KEY} (base64, at least 32 bytes) wins; an
 * embedded hub without it keeps a generated key in {@code <data dir>/manage-link.key}; a hub on a real MongoDB must be
 * given the key, since every node of a cluster needs the same one.
 */
final class SecretKeys {

  private static final String FILE = "manage-link.key";
  private static final int BYTES = 32;

  private SecretKeys() {}

  static byte[] manageLinkKey(AppConfig config) {
    String secretKey = config.security().secretKey();
    if (secretKey != null) {
      byte[] key;
      try {
        key = Base64.getDecoder().decode(secretKey);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("DOVETAIL_SECRET_KEY must be base64", e);
      }
      if (key.length < BYTES) {
        throw new IllegalArgumentException("DOVETAIL_SECRET_KEY must decode to at least 32 bytes");
      }
      return key;
    }
    if (!config.store().embedded()) {
      throw new IllegalArgumentException(
          "DOVETAIL_SECRET_KEY is required with DOVETAIL_MONGO_URI (the same on every hub), e.g. `openssl rand -base64 32`");
    }
    return fromFile(config.store().dataDir().resolve(FILE));
  }

  /**
   * A key for one {@code purpose} (invitations, sessions), derived from the manage-link key by HMAC-SHA256, so that
   * one secret serves every signature and a signature made for one purpose is worthless for another.
   */
  static byte[] derived(AppConfig config, String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(manageLinkKey(config), "HmacSHA256"));
      return mac.doFinal(("dovetail-key:" + purpose).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }

  private static byte[] fromFile(Path file) {
    try {
      if (Files.exists(file)) {
        return Base64.getDecoder().decode(Files.readString(file).strip());
      }
      byte[] key = new byte[BYTES];
      new SecureRandom().nextBytes(key);
      Files.createDirectories(file.getParent());
      Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardOpenOption.CREATE_NEW);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows: the data directory's own permissions apply.
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create " + file, e);
    }
  }
}
