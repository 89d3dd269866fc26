package dev.dovetail.testkit;

import dev.dovetail.kernel.ConflictException;
import dev.dovetail.payment.domain.Owed;
import dev.dovetail.payment.domain.Payment;
import dev.dovetail.payment.domain.PaymentSettings;
import dev.dovetail.payment.port.out.PaymentRepository;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** Reference adapter of {@link PaymentRepository}. */
public class InMemoryPaymentRepository implements PaymentRepository {

  private final Map<String, Payment> payments = new ConcurrentHashMap<>();
  private final Map<String, PaymentSettings> settings = new ConcurrentHashMap<>();

  @Override
  public synchronized Future<Void> insert(Payment payment) {
    if (payments.putIfAbsent(payment.bookingId(), payment) != null) {
      return Future.failedFuture(new ConflictException("booking " + payment.bookingId() + " already has a payment"));
    }
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Void> update(Payment payment) {
    Payment stored = payments.get(payment.bookingId());
    if (stored == null || stored.revision() != payment.revision() - 1) {
      return Future.failedFuture(new ConflictException("payment of " + payment.bookingId() + " changed concurrently"));
    }
    payments.put(payment.bookingId(), payment);
    return Future.succeededFuture();
  }

  @Override
  public Future<Optional<Payment>> find(String bookingId) {
    return Future.succeededFuture(Optional.ofNullable(payments.get(bookingId)));
  }

  @Override
  public Future<Optional<Payment>> findByIntent(String intentId) {
    return Future.succeededFuture(payments.values().stream()
        .filter(p -> Objects.equals(p.intentId(), intentId)).findFirst());
  }

  @Override
  public Future<List<Payment>> findByBookings(List<String> bookingIds) {
    return Future.succeededFuture(bookingIds.stream().distinct().map(payments::get).filter(Objects::nonNull).toList());
  }

  @Override
  public Future<List<Payment>> findOwed(int limit) {
    List<List<Payment>> kinds = Stream.of(Owed.values()).filter(work -> work != Owed.NOTHING)
        .map(work -> payments.values().stream().filter(p -> p.owed() == work).toList()).toList();
    List<Payment> owed = new ArrayList<>();
    for (int i = 0; owed.size() < limit; i++) {
      boolean more = false;
      for (List<Payment> kind : kinds) {
        if (i < kind.size() && owed.size() < limit) {
          owed.add(kind.get(i));
          more = true;
        }
      }
      if (!more) {
        break;
      }
    }
    return Future.succeededFuture(owed);
  }

  @Override
  public Future<Optional<PaymentSettings>> settings(String bookingTypeId) {
    return Future.succeededFuture(Optional.ofNullable(settings.get(bookingTypeId)));
  }

  @Override
  public Future<Void> saveSettings(PaymentSettings saved) {
    settings.put(saved.bookingTypeId(), saved);
    return Future.succeededFuture();
  }
}
