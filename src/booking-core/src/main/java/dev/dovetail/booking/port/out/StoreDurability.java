package dev.dovetail.booking.port.out;

import io.vertx.core.Future;

/**
 * What makes the writes a store has acknowledged durable. One per store: waits asked of the same instance after
 * several writes were acknowledged are one wait ({@link Acknowledged}).
 */
public interface StoreDurability {

  /** A store that acknowledges only durable writes (a real MongoDB, journaled majority writes; the in-memory tests). */
  StoreDurability ALREADY = Future::succeededFuture;

  /** Completes once every write this store acknowledged before the call is durable. */
  Future<Void> afterWrites();
}
