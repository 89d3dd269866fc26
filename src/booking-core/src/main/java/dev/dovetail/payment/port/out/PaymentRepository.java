package dev.dovetail.payment.port.out;

import dev.dovetail.payment.domain.Payment;
import dev.dovetail.payment.domain.PaymentSettings;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** Payments (one document per booking) and the payment settings of booking types. */
public interface PaymentRepository {

  /** Fails with a ConflictException if the booking already has a payment. */
  Future<Void> insert(Payment payment);

  /** Replaces a payment if its stored revision is {@code payment.revision() - 1}; ConflictException otherwise. */
  Future<Void> update(Payment payment);

  Future<Optional<Payment>> find(String bookingId);

  Future<Optional<Payment>> findByIntent(String intentId);

  /** The payments among these booking ids (at most a few hundred per call). */
  Future<List<Payment>> findByBookings(List<String> bookingIds);

  /**
   * Payments with owed work, at most {@code limit}, each kind of work ({@code Owed}) in turns, so that a backlog of
   * one kind does not hold the others back.
   */
  Future<List<Payment>> findOwed(int limit);

  Future<Optional<PaymentSettings>> settings(String bookingTypeId);

  Future<Void> saveSettings(PaymentSettings settings);
}
