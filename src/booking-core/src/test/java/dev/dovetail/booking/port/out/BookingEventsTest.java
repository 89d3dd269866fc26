package dev.dovetail.booking.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link BookingEvents#all}: consumers record in turn, what they record without waiting is made durable by one wait
 * per store asked for after the last of them, and only then does the record succeed and their nudges run (ADR 74).
 */
class BookingEventsTest {

  /** A store whose waits the test completes by hand; every step goes into {@code log} in the order it happened. */
  private static final class Store implements StoreDurability {
    final List<String> log;
    final List<Promise<Void>> waits = new ArrayList<>();
    final String name;

    Store(String name, List<String> log) {
      this.name = name;
      this.log = log;
    }

    @Override
    public Future<Void> afterWrites() {
      log.add("wait " + name);
      Promise<Void> wait = Promise.promise();
      waits.add(wait);
      return wait.future();
    }
  }

  /** A consumer that records without waiting on {@code store} and nudges once its record is durable. */
  private static BookingEvents acknowledging(String name, Store store, List<String> log) {
    return new BookingEvents() {
      @Override
      public Future<Void> record(List<BookingChange> changes) {
        return recordAcknowledged(changes).compose(Acknowledged::durable);
      }

      @Override
      public Future<Acknowledged> recordAcknowledged(List<BookingChange> changes) {
        log.add("record " + name);
        return Future.succeededFuture(Acknowledged.by(store, () -> log.add("nudge " + name)));
      }
    };
  }

  @Test
  @DisplayName("two consumers on one store share one wait, asked for after both recorded; nudges run after it")
  void consumersOnOneStoreShareOneWait() {
    List<String> log = new ArrayList<>();
    Store store = new Store("store", log);
    BookingEvents events = BookingEvents.all(List.of(acknowledging("outbox", store, log),
        acknowledging("webhooks", store, log)));

    Future<Void> recorded = events.record(List.of());

    assertThat(log).containsExactly("record outbox", "record webhooks", "wait store");
    assertThat(recorded.isComplete()).isFalse();
    store.waits.get(0).complete();
    assertThat(recorded.succeeded()).isTrue();
    assertThat(log).containsExactly("record outbox", "record webhooks", "wait store", "nudge outbox",
        "nudge webhooks");
  }

  @Test
  @DisplayName("a consumer that records durably itself (the default) is waited for in turn and adds no wait")
  void durableConsumerIsWaitedForInTurn() {
    List<String> log = new ArrayList<>();
    Store store = new Store("store", log);
    Promise<Void> payment = Promise.promise();
    BookingEvents durable = changes -> {
      log.add("record payments");
      return payment.future();
    };
    BookingEvents events = BookingEvents.all(List.of(acknowledging("outbox", store, log), durable,
        acknowledging("webhooks", store, log)));

    Future<Void> recorded = events.record(List.of());
    assertThat(log).containsExactly("record outbox", "record payments");
    payment.complete();
    assertThat(log).containsExactly("record outbox", "record payments", "record webhooks", "wait store");
    store.waits.get(0).complete();
    assertThat(recorded.succeeded()).isTrue();
  }

  @Test
  @DisplayName("consumers on two stores wait for each store once")
  void eachStoreIsWaitedForOnce() {
    List<String> log = new ArrayList<>();
    Store first = new Store("first", log);
    Store second = new Store("second", log);
    BookingEvents events = BookingEvents.all(List.of(acknowledging("a", first, log),
        acknowledging("b", second, log), acknowledging("c", first, log)));

    Future<Void> recorded = events.record(List.of());

    assertThat(log).containsExactly("record a", "record b", "record c", "wait first", "wait second");
    first.waits.get(0).complete();
    assertThat(recorded.isComplete()).isFalse();
    second.waits.get(0).complete();
    assertThat(recorded.succeeded()).isTrue();
  }

  @Test
  @DisplayName("a failed wait fails the record and runs no nudge: the caller writes nothing")
  void failedWaitFailsTheRecord() {
    List<String> log = new ArrayList<>();
    Store store = new Store("store", log);
    BookingEvents events = BookingEvents.all(List.of(acknowledging("outbox", store, log),
        acknowledging("webhooks", store, log)));

    Future<Void> recorded = events.record(List.of());
    store.waits.get(0).fail("the commit failed");

    assertThat(recorded.failed()).isTrue();
    assertThat(log).containsExactly("record outbox", "record webhooks", "wait store");
  }

  @Test
  @DisplayName("a consumer that fails stops the chain before any wait: later consumers record nothing")
  void failingConsumerStopsTheChain() {
    List<String> log = new ArrayList<>();
    Store store = new Store("store", log);
    BookingEvents failing = changes -> Future.failedFuture("payments are down");
    BookingEvents events = BookingEvents.all(List.of(acknowledging("outbox", store, log), failing,
        acknowledging("webhooks", store, log)));

    Future<Void> recorded = events.record(List.of());

    assertThat(recorded.failed()).isTrue();
    assertThat(log).containsExactly("record outbox");
  }
}
