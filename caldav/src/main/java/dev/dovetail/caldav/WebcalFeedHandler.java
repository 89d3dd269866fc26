package dev.dovetail.caldav;

import dev.dovetail.booking.domain.Ids;
import dev.dovetail.caldav.backend.IcsParser;
import dev.dovetail.caldav.property.DavProperties;
import dev.dovetail.calendar.domain.CalendarCollection;
import dev.dovetail.calendar.domain.CalendarObject;
import dev.dovetail.calendar.domain.ResourceCalendar;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;

/**
 * {@code GET /webcal/{provider}/{resource}/{token}.ics}: the whole calendar (bookings and events) as one read-only
 * iCalendar file, for apps that only subscribe to URLs (Google Calendar, Outlook). No login: the token, issued and
 * revoked through the calendar's dovetail:feed-url property, is the secret (compared in constant time) and is
 * checked against that one stored property before the resource or calendar is read. Anything wrong is the same 404.
 */
public final class WebcalFeedHandler {

  /** Feed tokens are {@code Ids.randomToken(24)}: 32 characters of base64url. */
  private static final Pattern FEED_TOKEN = Pattern.compile("[A-Za-z0-9_-]{32}");

  private final CalDavServices services;

  public WebcalFeedHandler(CalDavServices services) {
    this.services = services;
  }

  public void handle(RoutingContext ctx) {
    String providerId = ctx.pathParam("provider");
    String resourceId = ctx.pathParam("resource");
    String file = ctx.pathParam("token");
    String token = file != null && file.endsWith(".ics") ? file.substring(0, file.length() - 4) : "";
    if (!FEED_TOKEN.matcher(token).matches() || !Ids.isSlug(providerId) || !Ids.isSlug(resourceId)) {
      // What cannot be a feed of ours is refused before anything is loaded (the route is also rate limited).
      notFound(ctx);
      return;
    }
    // The token first, from the calendar's one stored property: a wrong token costs no calendar load or projection.
    // (ReadCalendar answers the property only for the provider's own resource.)
    services.reads().property(providerId, resourceId, DavProperties.FEED)
        .compose(stored -> matches(stored, token)
            ? services.reads().calendar(providerId, resourceId)
            : Future.failedFuture(new IllegalArgumentException("no such feed")))
        .map(ResourceCalendar::collection)
        .compose(calendar -> {
          if (!matches(calendar.properties().get(DavProperties.FEED), token)) {
            return Future.failedFuture(new IllegalArgumentException("no such feed")); // revoked meanwhile
          }
          return ctx.vertx().executeBlocking(() -> render(calendar), false)
              .compose(ics -> ctx.response().setStatusCode(200)
                  .putHeader("Content-Type", "text/calendar; charset=utf-8")
                  .putHeader("ETag", "\"" + calendar.sequence() + "\"")
                  .putHeader("Cache-Control", "private, max-age=300")
                  .putHeader("X-Content-Type-Options", "nosniff")
                  .putHeader("Referrer-Policy", "no-referrer")
                  .end(ics));
        })
        .onFailure(err -> notFound(ctx));
  }

  /** Constant-time comparison with the stored token (none stored: no feed). */
  private static boolean matches(String expected, String token) {
    return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        token.getBytes(StandardCharsets.UTF_8));
  }

  private static void notFound(RoutingContext ctx) {
    if (!ctx.response().ended()) {
      ctx.response().setStatusCode(404).putHeader("Content-Type", "text/plain; charset=utf-8")
          .putHeader("Cache-Control", "no-store").end("not found\n");
    }
  }

  static String render(CalendarCollection calendar) {
    StringBuilder s = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Dovetail//Webcal//EN\r\n");
    String name = calendar.properties().get(DavProperties.DISPLAYNAME);
    if (name != null) {
      s.append("X-WR-CALNAME:").append(name.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
          .replace("\n", "\\n")).append("\r\n");
    }
    Set<String> timezones = new HashSet<>();
    for (CalendarObject o : calendar.objects()) {
      Calendar parsed;
      try {
        parsed = IcsParser.parseStored(o.etag(), o.ics());
      } catch (RuntimeException unreadable) {
        continue;
      }
      for (CalendarComponent c : parsed.<CalendarComponent>getComponents()) {
        if (Component.VTIMEZONE.equals(c.getName())) {
          String tzid = c.getProperty("TZID").map(p -> ((Property) p).getValue()).orElse("");
          if (!timezones.add(tzid)) {
            continue;
          }
        }
        s.append(c.toString());
      }
    }
    return s.append("END:VCALENDAR\r\n").toString();
  }
}
