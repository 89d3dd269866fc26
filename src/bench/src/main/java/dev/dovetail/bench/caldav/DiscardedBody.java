package dev.dovetail.bench.caldav;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

/**
 * Where a load phase sends an answer's body: each chunk is dropped as it arrives. {@code BodyCodec.none()}
 * still gathers the whole body into one growing buffer before dropping it, which cost the driver (in the hub's JVM)
 * about a tenth of all CPU samples of the calendar-data query (docs/benchmarks.md, issue 17's calendar-data query).
 */
final class DiscardedBody implements WriteStream<Buffer> {

  @Override
  public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
    return this;
  }

  @Override
  public Future<Void> write(Buffer data) {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> end() {
    return Future.succeededFuture();
  }

  @Override
  public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
    return this;
  }

  @Override
  public boolean writeQueueFull() {
    return false;
  }

  @Override
  public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
    return this;
  }
}
