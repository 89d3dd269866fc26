package dev.dovetail.caldav.method;

import dev.dovetail.booking.domain.Ids;
import dev.dovetail.caldav.dav.DavException;
import dev.dovetail.caldav.dav.DavRequest;
import dev.dovetail.caldav.dav.DavResource;
import dev.dovetail.caldav.dav.MultiStatus;
import dev.dovetail.caldav.dav.Ns;
import dev.dovetail.caldav.dav.Xml;
import dev.dovetail.caldav.property.DavProperties;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;

/**
 * PROPPATCH (RFC 4918 9.2) on a calendar: DAV:displayname, CALDAV:calendar-description and Apple calendar-color
 * may be set or removed (they change only how CalDAV shows the calendar, not the resource's name); setting
 * dovetail:feed-url issues a new webcal feed secret and removing it revokes the feed. All or nothing:
 * if any property is refused (403), the others answer 424 and nothing is stored.
 */
public final class ProppatchMethodHandler implements DavMethodHandler {

  static final Map<QName, String> WRITABLE = Map.of(
      Ns.dav("displayname"), DavProperties.DISPLAYNAME,
      Ns.caldav("calendar-description"), DavProperties.DESCRIPTION,
      new QName(Ns.APPLE, "calendar-color"), DavProperties.COLOR,
      Ns.dovetail("feed-url"), DavProperties.FEED);

  @Override
  public HttpMethod method() {
    return HttpMethod.PROPPATCH;
  }

  @Override
  public Future<Void> handle(DavRequest req) {
    Element root = Xml.parse(req.body());
    if (!Xml.is(root, Ns.DAV, "propertyupdate")) {
      throw new DavException(400, null, "a PROPPATCH body must be a DAV:propertyupdate element");
    }
    Map<QName, String> changes = new LinkedHashMap<>();
    for (Element op : Xml.children(root)) {
      boolean set = Xml.is(op, Ns.DAV, "set");
      if (!set && !Xml.is(op, Ns.DAV, "remove")) {
        continue;
      }
      Element prop = Xml.child(op, Ns.DAV, "prop");
      if (prop == null) {
        continue;
      }
      for (Element p : Xml.children(prop)) {
        changes.put(Xml.name(p), set ? p.getTextContent().strip() : null);
      }
    }
    return req.tree().resolve(req.provider(), req.segments()).compose(target -> {
      boolean calendar = target instanceof DavResource.CalendarResource;
      List<String> refused = new ArrayList<>();
      List<String> ok = new ArrayList<>();
      for (QName name : changes.keySet()) {
        (calendar && WRITABLE.containsKey(name) ? ok : refused).add(Ns.empty(name));
      }
      MultiStatus ms = new MultiStatus();
      if (!refused.isEmpty()) {
        return Responses.multistatus(req.ctx(), ms.response(target.href(), Map.of(403, refused, 424, ok)).end());
      }
      String resourceId = ((DavResource.CalendarResource) target).resource().id();
      String feedToken = Ids.randomToken(24);
      Map<String, String> stored = new HashMap<>();
      for (Map.Entry<QName, String> e : changes.entrySet()) {
        String key = WRITABLE.get(e.getKey());
        String value = e.getValue() == null || e.getValue().isEmpty() ? null : e.getValue();
        if (key.equals(DavProperties.FEED) && e.getValue() != null) {
          value = feedToken; // set issues a fresh secret whatever the client sent; the old URL stops working
        }
        stored.put(key, value);
      }
      return req.services().writes().setProperties(req.provider().id(), resourceId, stored)
          .compose(c -> Responses.multistatus(req.ctx(), ms.response(target.href(), Map.of(200, ok)).end()));
    });
  }
}
