package dev.dovetail.web.insights;

import dev.dovetail.insights.domain.DayCount;
import dev.dovetail.insights.domain.Insights;
import dev.dovetail.insights.domain.LeadTimes;
import dev.dovetail.insights.domain.MoneyTotals;
import dev.dovetail.insights.domain.ResourceUse;
import dev.dovetail.web.codec.PaymentCodec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Insights as JSON (the Insights schema of openapi.yaml): counts, minutes and minor units, never floating money. */
public final class InsightsCodec {

  private InsightsCodec() {}

  public static JsonObject toJson(Insights i) {
    JsonArray days = new JsonArray();
    for (DayCount d : i.days()) {
      days.add(new JsonObject().put("date", d.date().toString()).put("confirmed", d.confirmed())
          .put("cancelled", d.cancelled()));
    }
    JsonArray use = new JsonArray();
    for (ResourceUse u : i.utilisation()) {
      use.add(new JsonObject().put("resourceId", u.resourceId()).put("name", u.name())
          .put("bookedMinutes", u.bookedSeconds() / 60).put("openMinutes", u.openSeconds() / 60)
          .put("utilisation", u.openSeconds() == 0 ? 0 : BigDecimal.valueOf(u.bookedSeconds())
              .divide(BigDecimal.valueOf(u.openSeconds()), 4, RoundingMode.HALF_EVEN).doubleValue()));
    }
    JsonArray money = new JsonArray();
    for (MoneyTotals m : i.money()) {
      money.add(new JsonObject().put("currency", m.currency()).put("payments", m.payments())
          .put("takenMinor", m.taken()).put("refundedMinor", m.refunded()).put("netMinor", m.net())
          .put("keptMinor", m.kept()));
    }
    JsonArray buckets = new JsonArray();
    for (LeadTimes.Bucket b : i.leadTime().buckets()) {
      buckets.add(new JsonObject().put("label", b.label()).put("fromMinutes", b.fromMinutes())
          .put("untilMinutes", b.untilMinutes()).put("count", b.count()));
    }
    var o = i.outcomes();
    return new JsonObject()
        .put("from", i.range().from().toString())
        .put("to", i.range().to().toString())
        .put("timeZone", i.range().zone().getId())
        .put("bookingsPerDay", days)
        .put("utilisation", use)
        .put("allResources", i.allResources())
        .put("outcomes", new JsonObject().put("total", o.total()).put("confirmed", o.confirmed())
            .put("cancelled", o.cancelled()).put("expired", o.expired()).put("held", o.held())
            .put("noShows", o.noShows()))
        .put("money", money)
        .put("waitlist", new JsonObject().put("recovered", i.waitlist().count())
            .put("value", new JsonArray(i.waitlist().value().stream().map(PaymentCodec::money).toList())))
        .put("leadTime", new JsonObject().put("count", i.leadTime().count())
            .put("medianMinutes", i.leadTime().medianMinutes()).put("buckets", buckets));
  }
}
