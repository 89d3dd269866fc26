package dev.dovetail.caldav.dav;

import javax.xml.namespace.QName;

/**
 * A WebDAV failure that knows its HTTP status and, for a failed precondition, the element that names it (RFC 4918
 * 16, RFC 4791 1.3); rendered as a {@code DAV:error} body by {@code DavDispatcher}. {@code reason} is for humans.
 */
public class DavException extends RuntimeException {

  private final int status;
  private final QName precondition;

  public DavException(int status, QName precondition) {
    this(status, precondition, null);
  }

  public DavException(int status, QName precondition, String reason) {
    super(reason == null ? "HTTP " + status : reason);
    this.status = status;
    this.precondition = precondition;
  }

  public int status() {
    return status;
  }

  public QName precondition() {
    return precondition;
  }

  /** The {@code DAV:error} body, or null when there is no precondition to name. */
  public String errorBody() {
    if (precondition == null) {
      return null;
    }
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<d:error" + Ns.DECLARATIONS + ">" + preconditionXml()
        + "<dt:reason>" + Xml.escape(getMessage()) + "</dt:reason></d:error>";
  }

  protected String preconditionXml() {
    return Ns.empty(precondition);
  }

  public static DavException notFound() {
    return new DavException(404, null, "not found");
  }

  public static DavException forbidden(QName precondition, String reason) {
    return new DavException(403, precondition, reason);
  }
}
