package dev.dovetail.web.insights;

import dev.dovetail.insights.port.in.ProviderInsights;
import dev.dovetail.web.http.OperationHandlers;

/** The insights operations: the provider's figures and the bookings export. */
public final class InsightsApi {

  private InsightsApi() {}

  public static void register(OperationHandlers operations, ProviderInsights insights) {
    InsightsHandler handler = new InsightsHandler(insights);
    operations
        .on("getInsights", handler::insights)
        .on("exportBookingsCsv", handler::bookingsCsv);
  }
}
