package dev.dovetail.booking.port.out;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * Recorded work its store has acknowledged but may not have made durable yet: the stores whose wait makes it durable,
 * and what to run once it is (asking a dispatcher to act on it soon). Work combined with {@link #and} waits once per
 * store, since a store's wait asked for after all of it was acknowledged covers all of it (ADR 74).
 */
public final class Acknowledged {

  /** Nothing left to wait for: the work is durable already, or there was none. */
  public static final Acknowledged DURABLE = new Acknowledged(List.of(), List.of());

  private final List<StoreDurability> stores;
  private final List<Runnable> whenDurable;

  private Acknowledged(List<StoreDurability> stores, List<Runnable> whenDurable) {
    this.stores = stores;
    this.whenDurable = whenDurable;
  }

  /** Work acknowledged by {@code store}; {@code whenDurable} runs once it is durable. */
  public static Acknowledged by(StoreDurability store, Runnable whenDurable) {
    return new Acknowledged(List.of(store), List.of(whenDurable));
  }

  /** This work and {@code other}: one wait per distinct store (the same instance), then both actions in order. */
  public Acknowledged and(Acknowledged other) {
    List<StoreDurability> allStores = new ArrayList<>(stores);
    other.stores.stream().filter(s -> allStores.stream().noneMatch(known -> known == s)).forEach(allStores::add);
    List<Runnable> allActions = new ArrayList<>(whenDurable);
    allActions.addAll(other.whenDurable);
    return new Acknowledged(List.copyOf(allStores), List.copyOf(allActions));
  }

  /** How many waits {@link #durable} asks for. */
  public int waits() {
    return stores.size();
  }

  /** Waits for each store once, side by side; then runs what waited for the work to be durable, in order. */
  public Future<Void> durable() {
    List<Future<Void>> waits = stores.stream().map(StoreDurability::afterWrites).toList();
    Future<Void> waited = Future.succeededFuture();
    for (Future<Void> wait : waits) {
      waited = waited.compose(v -> wait);
    }
    return waited.onSuccess(v -> whenDurable.forEach(Runnable::run));
  }
}
