package dev.dovetail.caldav.dav;

import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.caldav.CalDavServices;
import dev.dovetail.caldav.dav.DavResource.CalendarHomeResource;
import dev.dovetail.caldav.dav.DavResource.CalendarObjectResource;
import dev.dovetail.caldav.dav.DavResource.CalendarResource;
import dev.dovetail.caldav.dav.DavResource.PrincipalResource;
import dev.dovetail.caldav.dav.DavResource.RootResource;
import dev.dovetail.kernel.NotFoundException;
import io.vertx.core.Future;
import java.util.List;

/**
 * Resolves paths into {@link DavResource}s for the authenticated provider. Another provider's paths, and anything
 * that does not exist, are 404: a tenant cannot even learn that another tenant's calendar exists.
 */
public final class DavTree {

  private final CalDavServices services;

  public DavTree(CalDavServices services) {
    this.services = services;
  }

  /** The node at {@code segments} for the authenticated provider {@code me} (read once per request). */
  public Future<DavResource> resolve(Provider me, List<String> segments) {
    return Future.<Void>succeededFuture().compose(ignored -> {
      if (segments.isEmpty()) {
        return Future.succeededFuture(new RootResource(me));
      }
      String area = segments.get(0);
      if (segments.size() < 2 || !segments.get(1).equals(me.id())) {
        return notFound();
      }
      if (area.equals("principals") && segments.size() == 2) {
        return Future.succeededFuture(new PrincipalResource(me));
      }
      if (!area.equals("calendars") || segments.size() > 4) {
        return notFound();
      }
      if (segments.size() == 2) {
        return Future.succeededFuture(new CalendarHomeResource(me));
      }
      return calendar(me, segments.get(2)).compose(cal -> {
        if (segments.size() == 3) {
          return Future.succeededFuture(cal);
        }
        return cal.collection().find(segments.get(3))
            .<Future<DavResource>>map(o -> Future.succeededFuture(new CalendarObjectResource(cal, o)))
            .orElseGet(DavTree::notFound);
      });
    });
  }

  /** The provider's calendar for a resource; 404 if the resource is not theirs. */
  public Future<CalendarResource> calendar(Provider me, String resourceId) {
    return notFoundAs404(services.reads().calendar(me.id(), resourceId)).map(c -> new CalendarResource(me, c));
  }

  /**
   * The provider's resource whose calendar a write names, without loading the calendar (a write re-reads what it
   * needs under the resource's lock); 404 if the resource is not theirs.
   */
  public Future<Resource> calendarResource(Provider me, String resourceId) {
    return notFoundAs404(services.catalog().resource(me.id(), resourceId));
  }

  private static <T> Future<T> notFoundAs404(Future<T> found) {
    return found.recover(err -> Future.failedFuture(
        err instanceof NotFoundException || err instanceof IllegalArgumentException ? DavException.notFound() : err));
  }

  /** The members of a collection (Depth: 1). */
  public Future<List<DavResource>> children(DavResource parent) {
    if (parent instanceof CalendarHomeResource home) {
      return services.reads().calendars(home.owner().id()).map(all -> all.stream()
          .<DavResource>map(c -> new CalendarResource(home.owner(), c)).toList());
    }
    if (parent instanceof CalendarResource cal) {
      return Future.succeededFuture(cal.collection().objects().stream()
          .<DavResource>map(o -> new CalendarObjectResource(cal, o)).toList());
    }
    if (parent instanceof RootResource root) {
      return Future.succeededFuture(List.of(new PrincipalResource(root.owner()),
          new CalendarHomeResource(root.owner())));
    }
    return Future.succeededFuture(List.of());
  }

  private static <T> Future<T> notFound() {
    return Future.failedFuture(DavException.notFound());
  }
}
