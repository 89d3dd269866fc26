package dev.dovetail.infra.mongo.h2;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Optional;

/**
 * When a unique index alone finds the one document a query can match (ADR 80): the query gives every key of the index
 * an equal value of a kind the index compares exactly as the library's matcher does ({@link IndexScan}), whatever
 * else it asks. mongo-java-server's unique indexes serve only a query on exactly their keys; ours also serve these,
 * and the library then applies the whole query to that one document, so the answer is the same as a scan's.
 *
 * <p>This is what lets a compare-and-set ({@code {_id, revision}}, a claim, an outcome) be found by {@code _id}
 * without a unique index of its own on the embedded store.
 */
public final class UniqueLookup {

  private UniqueLookup() {
  }

  /** Whether {@code query} has an equal value, of an exactly compared kind, for each of {@code keys}. */
  public static boolean covers(List<String> keys, Document query) {
    Optional<IndexScan> scan = IndexScan.of(keys, query);
    return scan.isPresent() && scan.get().prefix().size() == keys.size();
  }
}
