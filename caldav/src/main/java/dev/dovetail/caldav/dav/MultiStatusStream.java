package dev.dovetail.caldav.dav;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Sends a 207 {@code DAV:multistatus} of many responses as it renders them (ADR 66): a worker thread renders responses
 * until about {@link #CHUNK_BYTES} bytes are pending, the event loop writes them as one chunk, and the next chunk
 * is rendered only once the connection's write queue has room again (backpressure), so a large answer is never held
 * whole in memory and a slow reader holds no thread. An answer that fits in one chunk is sent whole with its
 * Content-Length, as before; longer ones go chunked. The body is the same text either way.
 *
 * <p>Anything that can refuse the request (the {@link RequestBudget}) must be decided before the first chunk goes: a
 * failure after the status line is written can only reset the connection. So a streamed answer is not checked against
 * the budget while it renders (a slow reader would otherwise run it past its elapsed limit): callers stream only
 * cheap responses (known items, cached text). Costly ones (CALDAV:expand, partial calendar-data) pass {@code
 * budgeted}: everything is rendered first, the budget checked per item, and then sent.
 */
public final class MultiStatusStream {

  /**
   * How many bytes of XML are rendered before they are written out: large enough that a typical answer (a week of
   * objects with calendar-data, ~250 KB) goes in one or two chunks, since every chunk is another trip to a worker
   * thread, and small enough to bound what one request holds.
   */
  public static final int CHUNK_BYTES = 256 * 1024;

  private static final String XML = "application/xml; charset=utf-8";

  private final DavRequest req;
  private final MultiStatus ms = new MultiStatus();
  private final boolean budgeted;
  private final Promise<Void> done = Promise.promise();
  private boolean started;
  private int next;

  private MultiStatusStream(DavRequest req, boolean budgeted) {
    this.req = req;
    this.budgeted = budgeted;
  }

  /**
   * Renders {@code items} with {@code part} on worker threads, then {@code tail} (elements after the responses, such
   * as a sync token), and sends them; {@code budgeted}: render everything first, checking the request's budget per
   * item, before sending (see the class comment).
   */
  public static <T> Future<Void> send(DavRequest req, List<T> items, BiConsumer<T, MultiStatus> part,
      Consumer<MultiStatus> tail, boolean budgeted) {
    MultiStatusStream stream = new MultiStatusStream(req, budgeted);
    stream.step(items, part, tail);
    return stream.done.future();
  }

  private record Chunk(Buffer xml, boolean last) {}

  private <T> void step(List<T> items, BiConsumer<T, MultiStatus> part, Consumer<MultiStatus> tail) {
    req.vertx().executeBlocking(() -> {
      while (next < items.size() && (budgeted || ms.pending() < CHUNK_BYTES)) {
        if (budgeted) {
          req.budget().check();
        }
        part.accept(items.get(next++), ms);
      }
      if (next < items.size()) {
        return new Chunk(ms.take(), false);
      }
      tail.accept(ms);
      return new Chunk(ms.end(), true);
    }, false).onSuccess(chunk -> write(chunk, () -> step(items, part, tail))).onFailure(done::tryFail);
  }

  private void write(Chunk chunk, Runnable more) {
    HttpServerResponse response = req.ctx().response();
    if (!started) {
      started = true;
      response.setStatusCode(207).putHeader("Content-Type", XML);
      if (chunk.last()) {
        response.end(chunk.xml()).onComplete(done);
        return;
      }
      response.setChunked(true);
    }
    if (response.closed()) {
      done.tryComplete(); // the client went away: nothing more to render
      return;
    }
    if (chunk.last()) {
      response.end(chunk.xml()).onComplete(done);
      return;
    }
    response.write(chunk.xml());
    if (response.writeQueueFull()) {
      response.drainHandler(ignored -> {
        response.drainHandler(null);
        more.run();
      });
    } else {
      more.run();
    }
  }
}
