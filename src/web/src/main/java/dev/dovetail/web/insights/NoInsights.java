package dev.dovetail.web.insights;

import dev.dovetail.insights.domain.Insights;
import dev.dovetail.insights.port.in.ProviderInsights;
import dev.dovetail.web.http.ApiProblem;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.Map;

/** For an API built without insights (tests of other parts): both calls answer 503. */
public final class NoInsights implements ProviderInsights {

  private static <T> Future<T> off() {
    return Future.failedFuture(new ApiProblem(503, "insights-unavailable", "Not available",
        "this hub was built without insights", Map.of()));
  }

  @Override
  public Future<Insights> insights(String providerId, LocalDate from, LocalDate to) {
    return off();
  }

  @Override
  public Future<BookingExport> export(String providerId, LocalDate from, LocalDate to) {
    return off();
  }
}
