package dev.dovetail.web.insights;

import dev.dovetail.insights.port.in.ProviderInsights;
import dev.dovetail.web.codec.TimeCodec;
import dev.dovetail.web.http.Caller;
import dev.dovetail.web.http.Requests;
import dev.dovetail.web.http.Responses;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;

/** {@code GET /api/v1/insights} (the caller's figures) and {@code GET /api/v1/bookings.csv} (its bookings as CSV). */
public final class InsightsHandler {

  private final ProviderInsights insights;

  public InsightsHandler(ProviderInsights insights) {
    this.insights = insights;
  }

  public void insights(RoutingContext ctx) {
    Responses.respond(ctx, insights.insights(Caller.providerId(ctx), date(ctx, "from"), date(ctx, "to")), 200,
        InsightsCodec::toJson);
  }

  public void bookingsCsv(RoutingContext ctx) {
    LocalDate from = date(ctx, "from");
    LocalDate to = date(ctx, "to");
    insights.export(Caller.providerId(ctx), from, to)
        .onSuccess(export -> ctx.response()
            .putHeader(HttpHeaders.CONTENT_TYPE, "text/csv; charset=utf-8; header=present")
            .putHeader("Content-Disposition", "attachment; filename=\"bookings-" + export.range().from() + "-to-"
                + export.range().to() + ".csv\"")
            .end(BookingsCsv.write(export)))
        .onFailure(ctx::fail);
  }

  private static LocalDate date(RoutingContext ctx, String name) {
    String text = Requests.query(ctx, name);
    return text == null ? null : TimeCodec.date(text, name);
  }
}
