package dev.dovetail.caldav.dav;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** The URL space: {@code /dav/principals/{p}/}, {@code /dav/calendars/{p}/}, {@code .../{resource}/}, objects. */
public final class Hrefs {

  public static final String ROOT = "/dav/";

  private Hrefs() {}

  public static String principal(String providerId) {
    return "/dav/principals/" + segment(providerId) + "/";
  }

  public static String home(String providerId) {
    return "/dav/calendars/" + segment(providerId) + "/";
  }

  public static String calendar(String providerId, String resourceId) {
    return home(providerId) + segment(resourceId) + "/";
  }

  public static String object(String providerId, String resourceId, String name) {
    return calendar(providerId, resourceId) + segment(name);
  }

  /** Percent-encodes everything but unreserved characters and a few safe ones. */
  public static String segment(String raw) {
    int plain = 0;
    while (plain < raw.length() && kept(raw.charAt(plain))) {
      plain++;
    }
    if (plain == raw.length()) {
      return raw; // the usual name ("uid.ics") needs no encoding
    }
    StringBuilder b = new StringBuilder();
    for (byte by : raw.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (by & 0xff);
      if (kept(c)) {
        b.append(c);
      } else {
        b.append('%').append(String.format("%02X", by & 0xff));
      }
    }
    return b.toString();
  }

  /** An unreserved character or one of a few safe ones: written as is. */
  private static boolean kept(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~@+=".indexOf(c) >= 0;
  }

  public static String decode(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new DavException(400, null, "malformed percent-encoding in the path");
    }
  }

  /** The path part of an href that may be absolute ({@code http://host/dav/...}). */
  public static String path(String href) {
    String h = href.strip();
    int scheme = h.indexOf("://");
    if (scheme >= 0) {
      int slash = h.indexOf('/', scheme + 3);
      h = slash < 0 ? "/" : h.substring(slash);
    }
    return h;
  }
}
