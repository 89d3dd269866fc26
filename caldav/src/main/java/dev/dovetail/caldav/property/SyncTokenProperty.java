package dev.dovetail.caldav.property;

import dev.dovetail.caldav.dav.DavResource;
import dev.dovetail.caldav.dav.Ns;
import javax.xml.namespace.QName;

/** DAV:sync-token (RFC 6578 4): the calendar's change sequence as a URI; valid across restarts. */
public final class SyncTokenProperty implements DavProperty {

  @Override
  public QName name() {
    return Ns.dav("sync-token");
  }

  @Override
  public boolean supports(DavResource r) {
    return r instanceof DavResource.CalendarResource;
  }

  @Override
  public String value(DavResource r) {
    return token(((DavResource.CalendarResource) r).collection().sequence());
  }

  public static final String PREFIX = "https://dovetail.dev/ns/sync/";

  public static String token(long sequence) {
    return PREFIX + sequence;
  }

  /** The sequence in a token we issued, or -1 for anything else. */
  public static long parse(String token) {
    String t = token == null ? "" : token.strip();
    if (!t.startsWith(PREFIX)) {
      return -1;
    }
    try {
      return Long.parseLong(t.substring(PREFIX.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
