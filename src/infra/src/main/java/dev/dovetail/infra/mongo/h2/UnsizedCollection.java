package dev.dovetail.infra.mongo.h2;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.MVMap;

/**
 * The library's H2 collection without a running total of its documents' BSON size. The library keeps that total for
 * {@code collStats} and {@code dbStats} by encoding the old and the new document of every update to BSON and writing
 * the total into the collection's meta map at every insert, update and delete: 2% of a booking run's CPU and one more
 * dirty map at every commit (ADR 80's profile). No write path reads it; the two statistics commands, which only an
 * operator runs, get it counted here when they ask.
 */
final class UnsizedCollection extends H2Collection {

  UnsizedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
      MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
    super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
  }

  @Override
  protected boolean tracksDataSize() {
    return false;
  }

  /** The BSON size of every document, counted now: O(documents), for the statistics commands only. */
  @Override
  protected int getDataSize() {
    ByteBuf buffer = Unpooled.buffer();
    try {
      long total = 0;
      for (Document document : queryAll()) {
        buffer.clear();
        BsonEncoder.encodeDocument(document, buffer);
        total += buffer.readableBytes();
      }
      return (int) Math.min(Integer.MAX_VALUE, total);
    } finally {
      buffer.release();
    }
  }
}
