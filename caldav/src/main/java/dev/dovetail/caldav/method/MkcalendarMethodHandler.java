package dev.dovetail.caldav.method;

import dev.dovetail.booking.domain.AvailabilityRule;
import dev.dovetail.booking.domain.ConflictException;
import dev.dovetail.booking.domain.NotFoundException;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.caldav.dav.DavException;
import dev.dovetail.caldav.dav.DavRequest;
import dev.dovetail.caldav.dav.Ns;
import dev.dovetail.caldav.dav.Xml;
import dev.dovetail.calendar.domain.CalendarCollection;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;

/**
 * MKCALENDAR (RFC 4791 5.3.1) in the provider's home: creates a new resource (not bookable, no opening hours, in the
 * provider's zone) whose calendar this is. The body may set displayname (also the resource's name), description and
 * colour. An existing name is 403 DAV:resource-must-be-null; a name that is not a slug is 403.
 */
public final class MkcalendarMethodHandler implements DavMethodHandler {

  @Override
  public HttpMethod method() {
    return HttpMethod.valueOf("MKCALENDAR");
  }

  @Override
  public Future<Void> handle(DavRequest req) {
    List<String> seg = req.segments();
    if (seg.size() != 3 || !seg.get(0).equals("calendars") || !seg.get(1).equals(req.principal().providerId())) {
      throw DavException.notFound();
    }
    Map<QName, String> props = new LinkedHashMap<>();
    byte[] body = req.body();
    if (body.length > 0) {
      Element root = Xml.parse(body);
      Element set = Xml.child(root, Ns.DAV, "set");
      Element prop = set == null ? null : Xml.child(set, Ns.DAV, "prop");
      if (prop != null) {
        for (Element p : Xml.children(prop)) {
          props.put(Xml.name(p), p.getTextContent().strip());
        }
      }
    }
    String id = seg.get(2);
    String providerId = req.principal().providerId();
    return req.services().catalog().provider(providerId).compose(provider -> {
      String name = props.getOrDefault(Ns.dav("displayname"), id);
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
    }).compose(v -> req.services().objects().update(id, c -> {
      CalendarCollection next = c;
      for (Map.Entry<QName, String> e : props.entrySet()) {
        String key = ProppatchMethodHandler.WRITABLE.get(e.getKey());
        if (key != null) {
          next = next.withProperty(key, e.getValue().isEmpty() ? null : e.getValue());
        }
      }
      return next;
    })).compose(c -> Responses.empty(req.ctx(), 201));
  }
}
