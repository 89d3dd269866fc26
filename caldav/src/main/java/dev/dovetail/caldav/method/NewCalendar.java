package dev.dovetail.caldav.method;

import dev.dovetail.booking.domain.AvailabilityRule;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.caldav.dav.DavException;
import dev.dovetail.caldav.dav.DavRequest;
import dev.dovetail.caldav.dav.MultiStatus;
import dev.dovetail.caldav.dav.Ns;
import dev.dovetail.caldav.dav.Xml;
import dev.dovetail.calendar.domain.CalendarComponents;
import dev.dovetail.calendar.domain.UnsupportedComponentException;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.NotFoundException;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;

/**
 * Creates a calendar in the provider's home, for MKCALENDAR (RFC 4791 5.3.1) and extended MKCOL (RFC 5689): a new
 * resource (not bookable, no opening hours, in the provider's zone) whose calendar this is. The request's
 * {@code set/prop} may set displayname (also the resource's name), description and colour. An existing or retired
 * name is 403 DAV:resource-must-be-null; a name that is not a slug is 403. A CALDAV:supported-calendar-component-set
 * of VEVENT, VTODO and VJOURNAL (any of them) is kept ({@code CalendarComponents}): the calendar then holds tasks or
 * journal entries, which never block time. All or nothing (RFC 4791 5.3.1, RFC 5689 3): a set naming anything else
 * (VFREEBUSY, VAVAILABILITY) or nothing is not dropped but fails the whole request (403, the set 403 and every other
 * property 424 Failed Dependency) and nothing is created.
 */
final class NewCalendar {

  private NewCalendar() {}

  /** The {@code set/prop} children of a MKCALENDAR or MKCOL body, by name. */
  static Map<QName, Element> requestedProperties(byte[] body) {
    Map<QName, Element> props = new LinkedHashMap<>();
    if (body.length == 0) {
      return props;
    }
    Element root = Xml.parse(body);
    for (Element set : Xml.childrenNamed(root, Ns.DAV, "set")) {
      for (Element prop : Xml.childrenNamed(set, Ns.DAV, "prop")) {
        for (Element p : Xml.children(prop)) {
          props.put(Xml.name(p), p);
        }
      }
    }
    return props;
  }

  private static final QName COMPONENT_SET = Ns.caldav("supported-calendar-component-set");

  /** The requested component set in its stored form, or null if none was asked for; refused as the core decides. */
  static String componentSet(Map<QName, Element> props) {
    Element set = props.get(COMPONENT_SET);
    return set == null ? null : CalendarComponents.encode(
        Xml.childrenNamed(set, Ns.CALDAV, "comp").stream().map(c -> c.getAttribute("name")).toList());
  }

  /** The requested properties this hub cannot store as asked: a component set it cannot hold. */
  static List<String> unstorable(Map<QName, Element> props) {
    try {
      componentSet(props);
      return List.of();
    } catch (UnsupportedComponentException refused) {
      return List.of(Ns.empty(COMPONENT_SET));
    }
  }

  /** 403 with a mkcalendar-response (or mkcol-response) naming the refused and the failed-dependency properties. */
  private static Future<Void> refuse(DavRequest req, Map<QName, Element> props, List<String> refused) {
    boolean mkcol = req.ctx().request().method() == HttpMethod.MKCOL;
    String root = mkcol ? "d:mkcol-response" : "c:mkcalendar-response";
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<").append(root)
        .append(Ns.DECLARATIONS).append('>');
    MultiStatus.propstats(b, Map.of(403, refused,
        424, props.keySet().stream().map(Ns::empty).filter(p -> !refused.contains(p)).toList()));
    b.append("</").append(root).append('>');
    return req.ctx().response().setStatusCode(403).putHeader("Content-Type", Responses.XML).end(b.toString());
  }

  /** Creates the calendar named by the request path with the given properties; 201 on success. */
  static Future<Void> create(DavRequest req, Map<QName, Element> props) {
    List<String> seg = req.segments();
    if (seg.size() != 3 || !seg.get(0).equals("calendars") || !seg.get(1).equals(req.principal().providerId())) {
      throw DavException.notFound();
    }
    List<String> refused = unstorable(props);
    if (!refused.isEmpty()) {
      return refuse(req, props, refused);
    }
    String id = seg.get(2);
    String providerId = req.principal().providerId();
    return req.services().catalog().provider(providerId).compose(provider -> {
      Element displayName = props.get(Ns.dav("displayname"));
      String name = displayName == null ? id : displayName.getTextContent().strip();
      Resource resource;
      try {
        resource = new Resource(id, providerId, name.isBlank() ? id : name, provider.zone(), false,
            new AvailabilityRule(Map.of(), List.of(), Map.of(), Set.of()));
      } catch (IllegalArgumentException e) {
        throw DavException.forbidden(Ns.dovetail("valid-calendar-name"),
            "a calendar name must be a slug (lower-case letters, digits, dashes): " + e.getMessage());
      }
      return req.services().catalog().resource(providerId, id)
          .<Void>compose(exists -> Future.failedFuture(DavException.forbidden(Ns.dav("resource-must-be-null"),
              "a calendar with this name already exists")))
          .recover(err -> err instanceof NotFoundException
              ? req.services().catalog().createResource(providerId, resource).mapEmpty()
              : Future.failedFuture(err))
          .recover(err -> Future.failedFuture(err instanceof ConflictException
              ? DavException.forbidden(Ns.dav("resource-must-be-null"), "this id is taken, or was used before: ids of"
                  + " deleted resources are retired")
              : err));
    }).compose(v -> {
      Map<String, String> changes = new HashMap<>();
      for (Map.Entry<QName, Element> e : props.entrySet()) {
        String key = ProppatchMethodHandler.WRITABLE.get(e.getKey());
        if (key != null) {
          String value = e.getValue().getTextContent().strip();
          changes.put(key, value.isEmpty() ? null : value);
        }
      }
      changes.put(CalendarComponents.PROPERTY, componentSet(props));
      return req.services().writes().setProperties(providerId, id, changes);
    }).compose(c -> Responses.empty(req.ctx(), 201));
  }
}
