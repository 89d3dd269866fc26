package dev.dovetail.caldav.method;

import dev.dovetail.caldav.dav.DavException;
import dev.dovetail.caldav.dav.DavRequest;
import dev.dovetail.caldav.dav.Ns;
import dev.dovetail.caldav.dav.Xml;
import dev.dovetail.caldav.report.CalendarMultigetReport;
import dev.dovetail.caldav.report.CalendarQueryReport;
import dev.dovetail.caldav.report.DavReport;
import dev.dovetail.caldav.report.FreeBusyQueryReport;
import dev.dovetail.caldav.report.SyncCollectionReport;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import java.util.List;
import org.w3c.dom.Element;

/** REPORT (RFC 3253 3.6): picks the report by the body's root element; unknown ones are 403 DAV:supported-report. */
public final class ReportMethodHandler implements DavMethodHandler {

  public static final List<DavReport> REPORTS = List.of(
      new CalendarMultigetReport(), new CalendarQueryReport(), new SyncCollectionReport(), new FreeBusyQueryReport());

  @Override
  public HttpMethod method() {
    return HttpMethod.REPORT;
  }

  @Override
  public Future<Void> handle(DavRequest req) {
    Element root = Xml.parse(req.body());
    DavReport report = REPORTS.stream().filter(r -> r.name().equals(Xml.name(root))).findFirst()
        .orElseThrow(() -> DavException.forbidden(Ns.dav("supported-report"),
            "unsupported report " + Xml.name(root)));
    return req.tree().resolve(req.provider(), req.segments())
        .compose(target -> report.run(req, target, root));
  }
}
