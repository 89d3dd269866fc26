package dev.dovetail.infra.mongo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Group commit: one thread turns the durability requests of concurrent writers into few commits. A request made after
 * a write was acknowledged by the store joins the next batch; the batch runs {@code flush} (the store's commit and
 * fsync) once, and only then completes its requests, so no request completes before its write is on disk. A batch
 * takes what is waiting and, if the previous batch was shared (writers are concurrent), lingers up to {@code maxWait}
 * after its first request for more; it never holds more than {@code maxBatch} requests. A request waits at most for
 * the commit in progress, {@code maxWait}, and its own; a lone writer does not linger.
 */
final class GroupCommit {

  private static final CompletableFuture<Void> STOP = new CompletableFuture<>();

  private final Runnable flush;
  private final int maxBatch;
  private final long maxWaitNanos;
  private final BlockingQueue<CompletableFuture<Void>> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong commits = new AtomicLong();
  private boolean stopping;
  private int lastBatch;
  private volatile boolean abandon;

  GroupCommit(String name, Runnable flush, int maxBatch, Duration maxWait) {
    if (maxBatch < 1 || maxWait.isNegative()) {
      throw new IllegalArgumentException("maxBatch must be ≥ 1 and maxWait ≥ 0");
    }
    this.flush = flush;
    this.maxBatch = maxBatch;
    this.maxWaitNanos = maxWait.toNanos();
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Completes once a commit that started after this call has reached the disk; fails once stopped. */
  CompletableFuture<Void> request() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    synchronized (this) {
      if (stopping) {
        done.completeExceptionally(new IllegalStateException("the embedded store is closed"));
        return done;
      }
      requests.incrementAndGet();
      queue.add(done);
    }
    return done;
  }

  /** Requests made so far. */
  long requests() {
    return requests.get();
  }

  /** Commits (flushes) run so far. */
  long commits() {
    return commits.get();
  }

  /**
   * Stops after the requests already made: they are flushed, or with {@code abandon} (a simulated crash) failed
   * unflushed. Later requests fail at once. Waits for the thread unless called from it.
   */
  void stop(boolean abandon) {
    synchronized (this) {
      if (stopping) {
        return;
      }
      stopping = true;
      this.abandon = abandon;
      queue.add(STOP);
    }
    if (Thread.currentThread() != thread) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run() {
    List<CompletableFuture<Void>> batch = new ArrayList<>(maxBatch);
    boolean stop = false;
    while (!stop) {
      stop = collect(batch);
      lastBatch = batch.size();
      if (!batch.isEmpty()) {
        finish(batch);
        batch.clear();
      }
    }
  }

  /** Fills the batch; true when the stop marker came. */
  private boolean collect(List<CompletableFuture<Void>> batch) {
    try {
      CompletableFuture<Void> first = queue.take();
      if (first == STOP) {
        return true;
      }
      batch.add(first);
      long deadline = System.nanoTime() + (lastBatch > 1 ? maxWaitNanos : 0);
      while (batch.size() < maxBatch) {
        long left = deadline - System.nanoTime();
        CompletableFuture<Void> next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
        if (next == null) {
          return false;
        }
        if (next == STOP) {
          return true;
        }
        batch.add(next);
      }
      return false;
    } catch (InterruptedException e) {
      return true; // nobody interrupts this thread; treat it as a stop
    }
  }

  private void finish(List<CompletableFuture<Void>> batch) {
    if (abandon) {
      IllegalStateException closed = new IllegalStateException("the embedded store was closed before this commit");
      batch.forEach(request -> request.completeExceptionally(closed));
      return;
    }
    try {
      flush.run();
      commits.incrementAndGet();
    } catch (RuntimeException | Error e) {
      batch.forEach(request -> request.completeExceptionally(e));
      return;
    }
    batch.forEach(request -> request.complete(null));
  }
}
