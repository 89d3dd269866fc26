package dev.dovetail.booking.app;

import dev.dovetail.booking.domain.MemberSchedule;
import dev.dovetail.booking.port.in.PublicCatalog.Offer;
import dev.dovetail.booking.port.out.ScheduleRepository;
import io.vertx.core.Future;
import java.util.List;

/** Reads every member of an offer with its schedule, outside any lock, in the pool's order (ADR 43). */
final class MemberSchedules {

  private MemberSchedules() {}

  static Future<List<MemberSchedule>> load(ScheduleRepository schedules, Offer offer) {
    List<Future<MemberSchedule>> loads = offer.members().stream()
        .map(r -> schedules.load(r.id()).map(s -> new MemberSchedule(r, s)))
        .toList();
    Future<?> all = Future.all(loads);
    return all.map(v -> loads.stream().map(Future::result).toList());
  }
}
