package dev.dovetail.browser;

import java.io.IOException;
import java.net.ServerSocket;

/**
 * The calendar services' consent pages on another site than the hub's: the hub is at {@code 127.0.0.1} and the
 * emulators are reached as {@code localhost}, so the browser's return from the consent page to the hub is a
 * cross-site navigation that does not carry the {@code SameSite=Strict} session cookie, as with the real services.
 */
final class ConsentSite {

  private ConsentSite() {}

  /** {@code url} (an emulator's base on 127.0.0.1) as the other site, {@code localhost}. */
  static String otherSite(String url) {
    if (!url.startsWith("http://127.0.0.1:")) {
      throw new IllegalArgumentException("expected an emulator on 127.0.0.1: " + url);
    }
    return "http://localhost:" + url.substring("http://127.0.0.1:".length());
  }

  /** A free loopback port, so that the hub's public URL (the OAuth redirect) is known before it starts. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
