package dev.dovetail.infra.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import dev.dovetail.infra.mongo.h2.IndexKeyMigration;
import dev.dovetail.infra.mongo.h2.KeyOrderedH2Backend;
import dev.dovetail.infra.mongo.memory.LookupMemoryBackend;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default store: mongo-java-server on 127.0.0.1 (a free port), reached by the real MongoDB driver over
 * loopback, so that the same adapters run against it and against a real MongoDB.
 *
 * <p>On disk it keeps everything in one H2 MVStore file. The MVStore commits on a background delay (about a second),
 * so on its own a hard kill would lose the last writes; {@link #commitAsync()} asks for a commit and an fsync, and
 * {@link MongoStore} awaits it after every write, before the write's future succeeds. Concurrent writers share commits
 * ({@link GroupCommit}, ADR 58): one thread commits and syncs once per batch of requests, then completes them. Its
 * unique indexes are ordered without Java serialisation ({@link KeyOrderedH2Backend}, ADR 72); a file written before
 * is migrated once when it is opened ({@link IndexKeyMigration}).
 */
public final class EmbeddedMongo implements AutoCloseable {

  /** The MVStore file under the data directory. */
  public static final String FILE_NAME = "dovetail.mv.db";

  /** At most this many durability requests share one commit. */
  static final int MAX_BATCH = 256;
  /** A batch waits at most this long after its first request for more (only after a shared batch). */
  static final Duration MAX_WAIT = Duration.ofNanos(500_000);

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongo.class);

  private final MongoServer server;
  private final MongoBackend backend;
  private final MVStore store;
  private final String connectionString;
  private final Object commitLock = new Object();
  private final GroupCommit group;
  private volatile boolean closed;

  private EmbeddedMongo(MongoBackend backend, MVStore store, int port) {
    if (port < 0 || port > 65535) {
      backend.close();
      throw new IllegalArgumentException("port must be 0 (any free port) or 1-65535: " + port);
    }
    this.backend = backend;
    this.store = store;
    this.server = new MongoServer(backend);
    try {
      server.bind("127.0.0.1", port);
    } catch (RuntimeException e) {
      backend.close();
      throw e;
    }
    InetSocketAddress address = server.getLocalAddress();
    this.connectionString = "mongodb://127.0.0.1:" + address.getPort();
    this.group = store == null ? null
        : new GroupCommit("dovetail-group-commit", this::commitAndSync, MAX_BATCH, MAX_WAIT);
  }

  /** A durable store in {@code dataDir} (created if missing), with the H2 backend, on a free port. */
  public static EmbeddedMongo onDisk(Path dataDir) {
    return onDisk(dataDir, 0);
  }

  /**
   * A durable store in {@code dataDir} on the given loopback port (0 for any free port), so that other hubs on the
   * same machine can share it through {@link #connectionString()}.
   */
  public static EmbeddedMongo onDisk(Path dataDir, int port) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
    }
    MVStore store = IndexKeyMigration.open(dataDir.resolve(FILE_NAME));
    try {
      return new EmbeddedMongo(new KeyOrderedH2Backend(store), store, port);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** A volatile store in memory, for tests; its unique indexes serve compare-and-sets as on disk (ADR 80). */
  public static EmbeddedMongo inMemory() {
    return new EmbeddedMongo(new LookupMemoryBackend(), null, 0);
  }

  /** {@code mongodb://127.0.0.1:<port>}. */
  public String connectionString() {
    return connectionString;
  }

  public boolean isOnDisk() {
    return store != null;
  }

  /**
   * Makes every write acknowledged before this call durable: completes once a commit of the MVStore that started after
   * this call has been forced to disk, shared with the other writers waiting at the time ({@link GroupCommit}). Fails
   * once the store is closed. Already complete in memory. Never blocks.
   */
  public CompletableFuture<Void> commitAsync() {
    return group == null ? CompletableFuture.completedFuture(null) : group.request();
  }

  /** {@link #commitAsync()}, waiting for it. Blocking; call it from a worker thread. */
  public void commit() {
    try {
      commitAsync().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /** Durability requests and the commits that served them, since start (zeros in memory). */
  public long[] commitFigures() {
    return group == null ? new long[] {0, 0} : new long[] {group.requests(), group.commits()};
  }

  private void commitAndSync() {
    synchronized (commitLock) {
      if (store.isClosed()) {
        throw new IllegalStateException("the embedded store is closed");
      }
      store.commit();
      store.sync();
    }
  }

  /**
   * Writes a consistent snapshot of the on-disk store, as a zip holding one MVStore file, while the hub runs: commits
   * what is acknowledged, then copies the file with H2's online backup while commits wait (so no acknowledged write is
   * half in it). Blocking; call it from a worker thread. {@link #restore} puts it back into a data directory.
   */
  public void backup(OutputStream out) throws IOException {
    if (store == null) {
      throw new IllegalStateException("an in-memory store has nothing to back up");
    }
    synchronized (commitLock) {
      if (closed || store.isClosed()) {
        throw new IllegalStateException("the embedded store is closed");
      }
      store.commit();
      store.sync();
      ZipOutputStream zip = new ZipOutputStream(out);
      store.getFileStore().backup(zip);
      zip.finish();
    }
  }

  /**
   * Restores a {@link #backup} into {@code dataDir}, which must not hold a store yet (stop the hub and move the old
   * data directory away first).
   */
  public static void restore(InputStream backup, Path dataDir) throws IOException {
    Path target = dataDir.resolve(FILE_NAME);
    if (Files.exists(target)) {
      throw new IllegalStateException(target + " exists: restore into an empty data directory");
    }
    Files.createDirectories(dataDir);
    try (ZipInputStream zip = new ZipInputStream(backup)) {
      ZipEntry entry = zip.getNextEntry();
      if (entry == null || !entry.getName().endsWith(".mv.db")) {
        throw new IllegalArgumentException("not a Dovetail backup: no MVStore file in the zip");
      }
      Files.copy(zip, target);
    }
  }

  /** Stops the server and closes the store cleanly (commits what is pending, completing the waiting writers). */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (group != null) {
      group.stop(false);
      LOG.info("group commit: {} durability requests served by {} commits", group.requests(), group.commits());
    }
    synchronized (commitLock) {
      server.shutdownNow();
      backend.close();
    }
  }

  /**
   * For tests: stops the server and drops the store without writing anything still pending, as a crash would. Only
   * what a finished commit (or the store's own background commit) wrote survives; writers still waiting fail.
   */
  public void closeAbruptly() {
    if (closed) {
      return;
    }
    closed = true;
    if (group != null) {
      group.stop(true);
    }
    synchronized (commitLock) {
      if (store != null) {
        store.closeImmediately();
      }
      server.shutdownNow();
    }
  }
}
