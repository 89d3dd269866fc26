package dev.dovetail.infra.mongo.memory;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import dev.dovetail.infra.mongo.h2.UniqueLookup;
import java.util.List;

/**
 * mongo-java-server's in-memory backend (the store of most tests) whose unique indexes also find the one document of
 * a query that gives all their keys equal values ({@link UniqueLookup}, ADR 80), as the embedded store on disk does: a
 * compare-and-set on {@code _id} and a revision is a key lookup here too, not a scan of its collection.
 */
public final class LookupMemoryBackend extends MemoryBackend {

  @Override
  public MemoryDatabase openOrCreateDatabase(String databaseName) {
    return new LookupDatabase(databaseName, getCursorRegistry());
  }

  private static final class LookupDatabase extends MemoryDatabase {

    LookupDatabase(String databaseName, CursorRegistry cursorRegistry) {
      super(databaseName, cursorRegistry);
    }

    @Override
    protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
        boolean sparse) {
      return new LookupUniqueIndex(indexName, keys, sparse);
    }
  }

  private static final class LookupUniqueIndex extends MemoryUniqueIndex {

    LookupUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
      super(name, keys, sparse);
    }

    @Override
    public synchronized boolean canHandle(Document query) {
      return super.canHandle(query) || UniqueLookup.covers(keys(), query);
    }
  }
}
