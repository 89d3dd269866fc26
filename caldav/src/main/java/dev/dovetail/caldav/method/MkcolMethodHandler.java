package dev.dovetail.caldav.method;

import dev.dovetail.caldav.dav.DavException;
import dev.dovetail.caldav.dav.DavRequest;
import dev.dovetail.caldav.dav.Ns;
import dev.dovetail.caldav.dav.Xml;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import java.util.Map;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;

/**
 * Extended MKCOL (RFC 5689 3), as vdirsyncer creates calendars: a body whose resourcetype names C:calendar makes a
 * calendar exactly as MKCALENDAR does ({@link NewCalendar}). Any other collection (a plain WebDAV folder) cannot live
 * in a calendar home: 403 DAV:valid-resourcetype (RFC 5689 3.3).
 */
public final class MkcolMethodHandler implements DavMethodHandler {

  @Override
  public HttpMethod method() {
    return HttpMethod.MKCOL;
  }

  @Override
  public Future<Void> handle(DavRequest req) {
    Map<QName, Element> props = NewCalendar.requestedProperties(req.body());
    Element type = props.remove(Ns.dav("resourcetype"));
    if (type == null || Xml.child(type, Ns.CALDAV, "calendar") == null) {
      throw DavException.forbidden(Ns.dav("valid-resourcetype"),
          "only calendars can be made here: send MKCALENDAR, or MKCOL with a C:calendar resourcetype");
    }
    return NewCalendar.create(req, props);
  }
}
