package dev.dovetail.infra.mongo.h2;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the embedded store's MVStore file for {@link KeyOrderedH2Backend}, first rebuilding, once, the unique-index
 * maps of a file written in the library's order (ADR 72).
 *
 * <p>The MVStore's own store version records the format: 0 (the library's, every file before ADR 72) or
 * {@link #KEY_ORDER_VERSION}. A file at 0 is reopened with automatic commits off, each index map is read in its stored
 * order, removed, created again with {@link IndexKeyType} and filled, then committed, one map per commit; the version
 * is set in a last commit. Nothing is written but by those commits, so a crash leaves every map either as it was or
 * rebuilt, and the version still 0: the next open rebuilds every map again, which reads a map in either order alike.
 */
public final class IndexKeyMigration {

  /** The store version of a file whose index maps are all in {@link IndexKeyType}'s order. */
  public static final int KEY_ORDER_VERSION = 1;

  /**
   * The store version this code writes: {@link BsonDocumentType#BSON_VALUES_VERSION} plus index keys written by
   * {@link KeyValueEncoding} (ADR 79). A file is raised to it when the backend opens it, so that an older Dovetail,
   * which could not read those values and keys, refuses it.
   */
  public static final int ENCODED_KEYS_VERSION = 3;

  /** The MVStore's page cache, in megabytes of its own estimate (H2's default is 16). */
  static final int CACHE_MB = 64;

  /**
   * The page cache in one segment, not H2's default 16: a page larger than a segment (a sixteenth of the cache by
   * default, 4 MB here) is never cached, so it is read and decoded again at every access. A calendar's head right
   * after a bulk write holds every written object in its {@code pending} field until the next write (ADR 47), tens of
   * megabytes by {@link BsonDocumentType}'s estimate of its heap, and its revision is read by every query (ADR 76).
   */
  static final int CACHE_SEGMENTS = 1;

  private static final Logger LOG = LoggerFactory.getLogger(IndexKeyMigration.class);

  private IndexKeyMigration() {
  }

  /**
   * The MVStore in {@code file} (created if missing), in the new order, opened as usual (automatic commits on). Fails
   * if another process holds the file or if a newer Dovetail wrote it.
   */
  public static MVStore open(Path file) {
    MVStore store = openAsUsual(file);
    try {
      if (isMigrated(store)) {
        return store;
      }
      if (indexMaps(store).isEmpty()) {
        markMigrated(store);
        return store;
      }
    } catch (RuntimeException e) {
      store.closeImmediately();
      throw e;
    }
    store.close();
    migrate(file);
    return openAsUsual(file);
  }

  /**
   * Whether {@code store}'s index maps are in the new order (its version is this one or a later one this code knows,
   * up to {@link #ENCODED_KEYS_VERSION}); fails on a version this code does not know.
   */
  static boolean isMigrated(MVStore store) {
    int version = store.getStoreVersion();
    if (version > ENCODED_KEYS_VERSION) {
      throw new IllegalStateException("the store was written by a newer Dovetail (store version " + version + ")");
    }
    return version >= KEY_ORDER_VERSION;
  }

  private static MVStore openAsUsual(Path file) {
    return new MVStore.Builder().fileName(file.toString()).cacheSize(CACHE_MB).cacheConcurrency(CACHE_SEGMENTS)
        .open();
  }

  private static void migrate(Path file) {
    MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().autoCommitBufferSize(0).open();
    try {
      List<String> maps = indexMaps(store);
      LOG.info("rebuilding {} index maps of {} in the new key order (ADR 72)", maps.size(), file);
      long started = System.nanoTime();
      for (String name : maps) {
        rebuild(store, name);
        store.commit();
      }
      markMigrated(store);
      LOG.info("index maps rebuilt in {} ms", (System.nanoTime() - started) / 1_000_000);
      store.close();
    } catch (RuntimeException | Error e) {
      store.closeImmediately(); // writes nothing: the maps not committed yet stay as they were
      throw e;
    }
  }

  /** The names of the unique-index maps in {@code store}, sorted. */
  static List<String> indexMaps(MVStore store) {
    return store.getMapNames().stream().filter(name -> name.contains(KeyOrderedH2Backend.INDEX_MAP_INFIX))
        .sorted().toList();
  }

  /**
   * Replaces the map {@code name} by a map of the same entries ordered by {@link IndexKeyType}. Reads by walking the
   * stored pages, which compares nothing, so it reads a map in the old order and one rebuilt before alike (with
   * {@link IndexKeyType}, which reads keys in either encoding, ADR 79). Does not commit.
   */
  static void rebuild(MVStore store, String name) {
    MVMap<Object, Object> stored = store.openMap(name, new MVMap.Builder<>().keyType(new IndexKeyType()));
    List<Map.Entry<Object, Object>> entries = new ArrayList<>();
    for (Cursor<Object, Object> cursor = stored.cursor(null); cursor.hasNext(); ) {
      Object key = cursor.next();
      entries.add(Map.entry(key, cursor.getValue()));
    }
    store.removeMap(stored);
    MVMap<KeyValue, Object> rebuilt = KeyOrderedH2Backend.openIndexMap(store, name);
    for (Map.Entry<Object, Object> entry : entries) {
      if (rebuilt.putIfAbsent((KeyValue) entry.getKey(), entry.getValue()) != null) {
        throw new IllegalStateException("index map " + name + " holds two keys the new order finds equal: "
            + entry.getKey());
      }
    }
  }

  /** Raises {@code store}'s version to {@link #ENCODED_KEYS_VERSION}, before the backend writes anything to it. */
  static void markCurrent(MVStore store) {
    if (store.getStoreVersion() < ENCODED_KEYS_VERSION) {
      store.setStoreVersion(ENCODED_KEYS_VERSION);
      store.commit();
    }
  }

  private static void markMigrated(MVStore store) {
    store.setStoreVersion(KEY_ORDER_VERSION);
    store.commit();
  }
}
