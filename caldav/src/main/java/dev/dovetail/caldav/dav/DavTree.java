package dev.dovetail.caldav.dav;

import dev.dovetail.booking.domain.NotFoundException;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.caldav.CalDavServices;
import dev.dovetail.caldav.backend.CalendarBackend;
import dev.dovetail.caldav.dav.DavResource.CalendarHomeResource;
import dev.dovetail.caldav.dav.DavResource.CalendarObjectResource;
import dev.dovetail.caldav.dav.DavResource.CalendarResource;
import dev.dovetail.caldav.dav.DavResource.PrincipalResource;
import dev.dovetail.caldav.dav.DavResource.RootResource;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves paths into {@link DavResource}s for the authenticated provider. Another provider's paths, and anything
 * that does not exist, are 404: a tenant cannot even learn that another tenant's calendar exists.
 */
public final class DavTree {

  private static final int PAGE = 200;
  private final CalDavServices services;
  private final CalendarBackend backend;

  public DavTree(CalDavServices services, CalendarBackend backend) {
    this.services = services;
    this.backend = backend;
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
    return services.catalog().resource(me.id(), resourceId)
        .recover(err -> Future.failedFuture(err instanceof NotFoundException || err instanceof IllegalArgumentException
            ? DavException.notFound() : err))
        .compose(resource -> backend.calendar(resource).map(c -> new CalendarResource(me, resource, c)));
  }

  /** The members of a collection (Depth: 1). */
  public Future<List<DavResource>> children(DavResource parent) {
    if (parent instanceof CalendarHomeResource home) {
      return allResources(home.owner().id(), null, new ArrayList<>()).compose(resources -> {
        List<Future<CalendarResource>> calendars = resources.stream()
            .map(r -> backend.calendar(r).map(c -> new CalendarResource(home.owner(), r, c))).toList();
        return Future.all(calendars).map(all -> all.<DavResource>list());
      });
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

  private Future<List<Resource>> allResources(String providerId, String cursor, List<Resource> acc) {
    return services.catalog().resources(providerId, new PageRequest(cursor, PAGE)).compose(page -> {
      acc.addAll(page.items());
      return page.nextCursor() == null ? Future.succeededFuture(acc) : allResources(providerId, page.nextCursor(), acc);
    });
  }

  private static <T> Future<T> notFound() {
    return Future.failedFuture(DavException.notFound());
  }
}
