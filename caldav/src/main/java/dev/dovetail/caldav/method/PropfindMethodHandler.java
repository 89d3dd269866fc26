package dev.dovetail.caldav.method;

import dev.dovetail.caldav.dav.DavException;
import dev.dovetail.caldav.dav.DavRequest;
import dev.dovetail.caldav.dav.DavResource;
import dev.dovetail.caldav.dav.MultiStatusStream;
import dev.dovetail.caldav.dav.Ns;
import dev.dovetail.caldav.dav.PropRequest;
import dev.dovetail.caldav.dav.Xml;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * PROPFIND (RFC 4918 9.1) with Depth 0 or 1; allprop, propname or a prop list; an empty body is allprop. Depth
 * infinity is refused with DAV:propfind-finite-depth (RFC 4918 9.1, allowed by the RFC).
 */
public final class PropfindMethodHandler implements DavMethodHandler {

  @Override
  public HttpMethod method() {
    return HttpMethod.PROPFIND;
  }

  @Override
  public Future<Void> handle(DavRequest req) {
    int depth = req.depth(Integer.MAX_VALUE);
    if (depth > 1) {
      throw DavException.forbidden(Ns.dav("propfind-finite-depth"), "Depth: infinity is not supported; use 0 or 1");
    }
    byte[] body = req.body();
    PropRequest what;
    if (body.length == 0) {
      what = PropRequest.ALL;
    } else {
      Element root = Xml.parse(body);
      if (!Xml.is(root, Ns.DAV, "propfind")) {
        throw new DavException(400, null, "a PROPFIND body must be a DAV:propfind element");
      }
      what = PropRequest.from(root);
    }
    return req.tree().resolve(req.provider(), req.segments()).compose(target -> {
      Future<List<DavResource>> members = depth == 0 ? Future.succeededFuture(List.of())
          : req.tree().children(target);
      return members.compose(children -> {
        List<DavResource> all = new ArrayList<>();
        all.add(target);
        all.addAll(children);
        // asked on the bare host URL: the target answers under the URL it was asked by (neon/cadaver insist)
        boolean bare = "/".equals(req.ctx().normalizedPath());
        // a calendar's members can be many: sent as rendered (the target first, so its answer goes in the first chunk)
        return MultiStatusStream.send(req, all,
            (r, ms) -> ms.response(bare && r == target ? "/" : r.href(), what.render(r, null)), ms -> { }, false);
      });
    });
  }
}
