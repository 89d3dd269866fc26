package dev.dovetail.caldav.report;

import dev.dovetail.caldav.dav.DavException;
import dev.dovetail.caldav.dav.DavRequest;
import dev.dovetail.caldav.dav.DavResource;
import dev.dovetail.caldav.dav.Hrefs;
import dev.dovetail.caldav.dav.MultiStatusStream;
import dev.dovetail.caldav.dav.Ns;
import dev.dovetail.caldav.dav.PropRequest;
import dev.dovetail.caldav.dav.Xml;
import dev.dovetail.caldav.property.SyncTokenProperty;
import dev.dovetail.calendar.domain.CalendarCollection;
import dev.dovetail.calendar.domain.CalendarObject;
import dev.dovetail.calendar.domain.InvalidSyncTokenException;
import io.vertx.core.Future;
import java.util.List;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;

/**
 * DAV:sync-collection (RFC 6578 3): with an empty token, every object; with a token, the objects written since and a
 * 404 response per object removed since. The token is the calendar's change sequence, stored with the calendar, so
 * it stays valid across restarts; a token this calendar did not issue, or one older than the remembered deletions,
 * is 403 DAV:valid-sync-token (3.2). sync-level 1 only (a calendar has no sub-collections); DAV:limit is ignored.
 */
public final class SyncCollectionReport implements DavReport {

  @Override
  public QName name() {
    return Ns.dav("sync-collection");
  }

  @Override
  public Future<Void> run(DavRequest req, DavResource target, Element body) {
    if (!(target instanceof DavResource.CalendarResource cal)) {
      throw new DavException(403, null, "sync-collection runs on a calendar collection");
    }
    Element tokenElement = Xml.child(body, Ns.DAV, "sync-token");
    String token = tokenElement == null ? "" : tokenElement.getTextContent().strip();
    CalendarCollection c = cal.collection();
    List<CalendarObject> changed;
    List<String> removed;
    if (token.isEmpty()) {
      changed = c.objects();
      removed = List.of();
    } else {
      long seq = SyncTokenProperty.parse(token);
      try {
        if (seq < 0) {
          throw new InvalidSyncTokenException("not a token of this server");
        }
        CalendarCollection.Changes changes = c.changesSince(seq);
        changed = changes.changed();
        removed = changes.removed();
      } catch (InvalidSyncTokenException e) {
        throw DavException.forbidden(Ns.dav("valid-sync-token"),
            "the sync token is unknown or too old; sync again from an empty token");
      }
    }
    PropRequest what = PropRequest.from(body);
    var extras = CalendarData.of(what, req.budget());
    List<CalendarObject> written = changed;
    List<String> gone = removed;
    return MultiStatusStream.send(req, written, (o, ms) -> {
      DavResource r = new DavResource.CalendarObjectResource(cal, o);
      ms.response(r.href(), what.render(r, extras));
    }, ms -> {
      for (String href : gone) {
        ms.status(Hrefs.object(cal.owner().id(), cal.resource().id(), href), 404);
      }
      ms.raw("<d:sync-token>" + Xml.escape(SyncTokenProperty.token(c.sequence())) + "</d:sync-token>");
    }, !CalendarData.cheap(what));
  }
}
