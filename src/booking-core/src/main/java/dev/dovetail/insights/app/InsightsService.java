package dev.dovetail.insights.app;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.port.in.ManageCatalog;
import dev.dovetail.booking.port.out.BookingRepository;
import dev.dovetail.insights.domain.Insights;
import dev.dovetail.insights.domain.InsightsRange;
import dev.dovetail.insights.port.in.ProviderInsights;
import dev.dovetail.payment.domain.Payment;
import dev.dovetail.payment.port.out.PaymentRepository;
import dev.dovetail.waitlist.port.out.WaitlistRepository;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a provider's bookings of a range (page by page, at most {@link #MAX_BOOKINGS}), their payments and the
 * waitlist entries that became them, in bounded batches, and hands them to {@link Insights#compute}. Resources come
 * through the provider-scoped catalog; payments of another provider are dropped.
 */
public class InsightsService implements ProviderInsights {

  /** Utilisation covers the provider's first resources, as the schedule view does. */
  static final int MAX_RESOURCES = 50;
  /** Ids per batched lookup of payments and waitlist entries. */
  static final int BATCH = 200;

  private final ManageCatalog catalog;
  private final BookingRepository bookings;
  private final PaymentRepository payments;
  private final WaitlistRepository waitlist;
  private final Clock clock;

  public InsightsService(ManageCatalog catalog, BookingRepository bookings, PaymentRepository payments,
      WaitlistRepository waitlist, Clock clock) {
    this.catalog = catalog;
    this.bookings = bookings;
    this.payments = payments;
    this.waitlist = waitlist;
    this.clock = clock;
  }

  @Override
  public Future<Insights> insights(String providerId, LocalDate from, LocalDate to) {
    return range(providerId, from, to).compose(range -> catalog.resources(providerId,
            PageRequest.first(MAX_RESOURCES + 1))
        .compose(resources -> bookingsOf(providerId, range).compose(found -> {
          List<String> ids = found.stream().filter(b -> range.contains(b.time().start())).map(Booking::id).toList();
          return paymentsOf(providerId, ids).compose(paid -> inBatches(ids,
                  batch -> waitlist.findBookedByBookings(providerId, batch))
              .map(entries -> {
                List<Resource> all = resources.items();
                List<Resource> measured = all.subList(0, Math.min(all.size(), MAX_RESOURCES));
                return Insights.compute(range, measured, all.size() <= MAX_RESOURCES, found, paid, entries);
              }));
        })));
  }

  @Override
  public Future<BookingExport> export(String providerId, LocalDate from, LocalDate to) {
    return range(providerId, from, to).compose(range -> bookingsOf(providerId, range).compose(found -> {
      List<Booking> starting = found.stream()
          .filter(b -> range.contains(b.time().start()))
          .sorted(Comparator.comparing((Booking b) -> b.time().start()).thenComparing(Booking::id))
          .toList();
      return paymentsOf(providerId, starting.stream().map(Booking::id).toList()).map(paid -> new BookingExport(range,
          starting.stream().map(b -> new Row(b, paid.get(b.id()))).toList()));
    }));
  }

  private Future<InsightsRange> range(String providerId, LocalDate from, LocalDate to) {
    if ((from == null) != (to == null)) {
      return Future.failedFuture(new InvalidRequestException("give both 'from' and 'to', or neither"));
    }
    return catalog.provider(providerId).map(provider -> from == null
        ? InsightsRange.around(clock.instant().atZone(provider.zone()).toLocalDate(), provider.zone())
        : new InsightsRange(from, to, provider.zone()));
  }

  /** The provider's bookings overlapping the range, page by page; refused past {@link #MAX_BOOKINGS}. */
  private Future<List<Booking>> bookingsOf(String providerId, InsightsRange range) {
    return nextPage(providerId, range, null, new ArrayList<>());
  }

  private Future<List<Booking>> nextPage(String providerId, InsightsRange range, String cursor, List<Booking> seen) {
    return bookings.listByProvider(providerId, null, range.window(), new PageRequest(cursor, PageRequest.MAX_LIMIT))
        .compose((Page<Booking> page) -> {
          seen.addAll(page.items());
          if (seen.size() > MAX_BOOKINGS) {
            return Future.failedFuture(new InvalidRequestException("more than " + MAX_BOOKINGS
                + " bookings from " + range.from() + " to " + range.to() + ": narrow from and to"));
          }
          return page.nextCursor() == null ? Future.succeededFuture(seen)
              : nextPage(providerId, range, page.nextCursor(), seen);
        });
  }

  private Future<Map<String, Payment>> paymentsOf(String providerId, List<String> bookingIds) {
    return inBatches(bookingIds, payments::findByBookings).map(found -> {
      Map<String, Payment> byBooking = new HashMap<>();
      found.stream().filter(p -> p.providerId().equals(providerId)).forEach(p -> byBooking.put(p.bookingId(), p));
      return byBooking;
    });
  }

  /** One lookup per {@link #BATCH} ids, one after the other. */
  private static <T> Future<List<T>> inBatches(List<String> ids, Function<List<String>, Future<List<T>>> lookup) {
    List<T> all = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < ids.size(); i += BATCH) {
      List<String> batch = ids.subList(i, Math.min(ids.size(), i + BATCH));
      chain = chain.compose(v -> lookup.apply(batch).map(all::addAll).mapEmpty());
    }
    return chain.map(v -> all);
  }
}
