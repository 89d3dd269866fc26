package dev.dovetail.caldav.report;

import dev.dovetail.caldav.dav.DavException;
import dev.dovetail.caldav.dav.DavRequest;
import dev.dovetail.caldav.dav.DavResource;
import dev.dovetail.caldav.dav.Hrefs;
import dev.dovetail.caldav.dav.MultiStatusStream;
import dev.dovetail.caldav.dav.Ns;
import dev.dovetail.caldav.dav.PropRequest;
import dev.dovetail.caldav.dav.Xml;
import dev.dovetail.calendar.domain.CalendarObject;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    String base = cal.href();
    // every href is resolved first (a malformed one is a 400), then the answers are rendered and sent as they go
    return req.vertx().executeBlocking(() -> {
      List<Wanted> wanted = new ArrayList<>();
      for (Element href : Xml.childrenNamed(body, Ns.DAV, "href")) {
        req.budget().check();
        String raw = href.getTextContent().strip();
        String path = Hrefs.path(raw);
        String name = path.startsWith(base) ? Hrefs.decode(path.substring(base.length())) : null;
        wanted.add(new Wanted(raw, name == null || name.contains("/") ? Optional.empty()
            : cal.collection().find(name)));
      }
      return wanted;
    }, false).compose(wanted -> MultiStatusStream.send(req, wanted, (w, ms) -> {
      if (w.object().isPresent()) {
        DavResource r = new DavResource.CalendarObjectResource(cal, w.object().get());
        ms.response(w.href(), what.render(r, extras));
      } else {
        ms.status(w.href(), 404);
      }
    }, ms -> { }, !CalendarData.cheap(what)));
  }

  /** An href as the client wrote it, and the object it names in this calendar, if any. */
  private record Wanted(String href, Optional<CalendarObject> object) {}
}
