package dev.dovetail.caldav.dav;

import dev.dovetail.account.domain.Principal;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.caldav.CalDavServices;
import dev.dovetail.calendar.domain.ResourceCalendar;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One authenticated DAV request: the routing context, who is calling, the path, the services, and what the request
 * may cost ({@link RequestBudget}).
 */
public record DavRequest(RoutingContext ctx, Principal principal, Provider provider, String path, CalDavServices services,
    DavTree tree, RequestBudget budget) {

  public Vertx vertx() {
    return ctx.vertx();
  }

  public String header(String name) {
    return ctx.request().getHeader(name);
  }

  public byte[] body() {
    return ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
  }

  public String bodyText() {
    return ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString("UTF-8");
  }

  /** The Depth header: 0, 1 or infinity ({@code Integer.MAX_VALUE}); {@code fallback} when absent. */
  public int depth(int fallback) {
    String d = header("Depth");
    if (d == null) {
      return fallback;
    }
    return switch (d.strip().toLowerCase(Locale.ROOT)) {
      case "0" -> 0;
      case "1" -> 1;
      case "infinity" -> Integer.MAX_VALUE;
      default -> throw new DavException(400, null, "Depth must be 0, 1 or infinity");
    };
  }

  /**
   * Makes sure this node has the calendar's time index: waits for its one build, or runs it, outside this request's
   * budget and under the server's bound on a build ({@link RequestBudget#forIndexBuild}, ADR 70). Worker thread.
   */
  public void indexOutsideBudget(ResourceCalendar calendar) {
    budget.outside(() -> services.reads().index(calendar, RequestBudget.forIndexBuild()::check));
  }

  /** Path segments after {@code /dav/}, decoded. */
  public List<String> segments() {
    String rest = path.substring(Hrefs.ROOT.length());
    return Arrays.stream(rest.split("/")).filter(s -> !s.isEmpty()).map(Hrefs::decode).toList();
  }
}
