package dev.dovetail.caldav.report;

import dev.dovetail.caldav.dav.DavException;
import dev.dovetail.caldav.dav.DavRequest;
import dev.dovetail.caldav.dav.DavResource;
import dev.dovetail.caldav.dav.Hrefs;
import dev.dovetail.caldav.dav.MultiStatus;
import dev.dovetail.caldav.dav.Ns;
import dev.dovetail.caldav.dav.PropRequest;
import dev.dovetail.caldav.dav.RequestBudget;
import dev.dovetail.caldav.dav.Xml;
import dev.dovetail.calendar.domain.CalendarObject;
import io.vertx.core.Future;
import java.util.Optional;
import java.util.function.BiFunction;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;

/** CALDAV:calendar-multiget (RFC 4791 7.9): the listed objects of this calendar; a 404 response per missing href. */
public final class CalendarMultigetReport implements DavReport {

  @Override
  public QName name() {
    return Ns.caldav("calendar-multiget");
  }

  @Override
  public Future<Void> run(DavRequest req, DavResource target, Element body) {
    if (!(target instanceof DavResource.CalendarResource cal)) {
      throw new DavException(403, null, "calendar-multiget runs on a calendar collection");
    }
    PropRequest what = PropRequest.from(body);
    var extras = CalendarData.of(what, req.budget());
    return req.vertx().executeBlocking(() -> render(cal, body, what, extras, req.budget()), false)
        .compose(xml -> req.ctx().response().setStatusCode(207)
            .putHeader("Content-Type", "application/xml; charset=utf-8").end(xml));
  }

  private static String render(DavResource.CalendarResource cal, Element body, PropRequest what,
      BiFunction<DavResource, QName, String> extras, RequestBudget budget) {
    MultiStatus ms = new MultiStatus();
    String base = cal.href();
    for (Element href : Xml.childrenNamed(body, Ns.DAV, "href")) {
      budget.check();
      String raw = href.getTextContent().strip();
      String path = Hrefs.path(raw);
      String name = path.startsWith(base) ? Hrefs.decode(path.substring(base.length())) : null;
      var object = name == null || name.contains("/") ? Optional.<CalendarObject>empty()
          : cal.collection().find(name);
      if (object.isPresent()) {
        DavResource r = new DavResource.CalendarObjectResource(cal, object.get());
        ms.response(raw, what.render(r, extras));
      } else {
        ms.status(raw, 404);
      }
    }
    return ms.end();
  }
}
