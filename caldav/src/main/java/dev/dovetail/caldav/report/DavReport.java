package dev.dovetail.caldav.report;

import dev.dovetail.caldav.dav.DavRequest;
import dev.dovetail.caldav.dav.DavResource;
import io.vertx.core.Future;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;

/** One REPORT (RFC 3253 3.6), chosen by the body's root element; one class per report. */
public interface DavReport {

  QName name();

  Future<Void> run(DavRequest request, DavResource target, Element body);
}
