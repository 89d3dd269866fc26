package dev.dovetail.web.calendar;

import dev.dovetail.calendar.port.in.ShareCalendarFeed;
import dev.dovetail.web.http.Caller;
import dev.dovetail.web.http.Requests;
import dev.dovetail.web.http.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * {@code /api/v1/resources/{resourceId}/subscription[/feed]}: how calendar apps reach a resource's calendar, under the
 * hub's public URL ({@code DOVETAIL_PUBLIC_URL}), never the address a browser happened to use: the server to give a
 * CalDAV app, the calendar's own CalDAV URL, the log-in, and the read-only webcal feed (issued anew, or revoked).
 * Provider and resource ids are slugs, so they stand in the URLs as they are.
 */
public final class SubscriptionHandler {

  private final ShareCalendarFeed feeds;
  private final String publicUrl;

  public SubscriptionHandler(ShareCalendarFeed feeds, String publicUrl) {
    this.feeds = feeds;
    this.publicUrl = publicUrl;
  }

  public void get(RoutingContext ctx) {
    String providerId = Caller.providerId(ctx);
    String resourceId = Requests.path(ctx, "resourceId");
    Responses.respond(ctx, feeds.feedToken(providerId, resourceId), 200,
        token -> subscription(providerId, resourceId, token));
  }

  /** {@code POST .../feed}: a new feed address; the old one stops working. */
  public void issueFeed(RoutingContext ctx) {
    String providerId = Caller.providerId(ctx);
    String resourceId = Requests.path(ctx, "resourceId");
    Responses.respond(ctx, feeds.issueFeed(providerId, resourceId), 200,
        token -> subscription(providerId, resourceId, Optional.of(token)));
  }

  /** {@code DELETE .../feed}: the feed address stops working. */
  public void revokeFeed(RoutingContext ctx) {
    feeds.revokeFeed(Caller.providerId(ctx), Requests.path(ctx, "resourceId"))
        .onSuccess(v -> Responses.noContent(ctx))
        .onFailure(ctx::fail);
  }

  private JsonObject subscription(String providerId, String resourceId, Optional<String> token) {
    String feedPath = token.map(t -> "/webcal/" + providerId + "/" + resourceId + "/" + t + ".ics").orElse(null);
    return new JsonObject()
        .put("serverUrl", publicUrl + "/")
        .put("caldavUrl", publicUrl + "/dav/calendars/" + providerId + "/" + resourceId + "/")
        .put("login", providerId)
        .put("feedUrl", feedPath == null ? null : publicUrl + feedPath)
        .put("webcalUrl", feedPath == null ? null : publicUrl.replaceFirst("^https?://", "webcal://") + feedPath);
  }
}
