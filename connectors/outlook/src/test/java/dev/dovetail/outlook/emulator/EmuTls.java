package dev.dovetail.outlook.emulator;

import io.vertx.core.net.PfxOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for 127.0.0.1, made by the JDK's own {@code keytool} into a temporary PKCS#12 keystore
 * when an emulator asks for HTTPS. Nothing is downloaded or committed; each emulator run has a fresh key.
 */
record EmuTls(Path file, String password, X509Certificate certificate) {

  private static final String ALIAS = "graph-emulator";

  static EmuTls generate() {
    try {
      Path dir = Files.createTempDirectory("graph-emulator-tls");
      Path file = dir.resolve("emulator.p12");
      String password = "emulator-" + Long.toHexString(System.nanoTime());
      String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
      Process process = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA",
          "-keysize", "2048", "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
          "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", password, "-keypass", password))
          .redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
      file.toFile().deleteOnExit();
      dir.toFile().deleteOnExit();
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(file)) {
        store.load(in, password.toCharArray());
      }
      return new EmuTls(file, password, (X509Certificate) store.getCertificate(ALIAS));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot make the emulator's TLS certificate", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while making the emulator's TLS certificate", e);
    }
  }

  PfxOptions keyStore() {
    return new PfxOptions().setPath(file.toString()).setPassword(password);
  }
}
