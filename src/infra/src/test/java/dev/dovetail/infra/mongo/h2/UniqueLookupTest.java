package dev.dovetail.infra.mongo.h2;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Which index the library takes for the repositories' compare-and-set filters on the embedded store (ADR 80): the
 * {@code _id} index, which finds the one document, not a scan and not a secondary index that shares a key.
 */
@DisplayName("Compare-and-set filters are found by _id on the embedded store")
class UniqueLookupTest {

  private KeyOrderedH2Backend backend;
  private MongoCollection<Object> outbox;

  @BeforeEach
  @SuppressWarnings("unchecked")
  void openOutboxShapedCollection() {
    MVStore store = new MVStore.Builder().open();
    store.setStoreVersion(IndexKeyMigration.KEY_ORDER_VERSION);
    backend = new KeyOrderedH2Backend(store);
    MongoDatabase database = backend.resolveDatabase("db");
    database.handleCommand(new EmbeddedChannel(), "createIndexes", new Document("createIndexes", "outbox")
            .append("indexes", List.of(new Document("key", new Document("state", 1).append("nextAttemptAt", 1)
                .append("_id", 1)).append("name", "state_nextAttemptAt"))),
        null, NoopOplog.get());
    outbox = (MongoCollection<Object>) database.resolveCollection("outbox", true);
  }

  @AfterEach
  void close() {
    backend.close();
  }

  /** The index the library takes: the first whose {@code canHandle} is true, or none (a scan). */
  private String chosen(Document query) {
    for (Index<Object> index : outbox.getIndexes()) {
      if (index.canHandle(query)) {
        return index.getName();
      }
    }
    return "scan";
  }

  @Test
  @DisplayName("a revision, claim or outcome filter goes to the _id index")
  void compareAndSetsUseId() {
    assertThat(chosen(new Document("_id", "m-1").append("revision", 4L))).isEqualTo("_id_");
    assertThat(chosen(new Document("_id", "m-1").append("state", "PENDING").append("nextAttemptAt", 10L)
        .append("leaseUntil", 0L))).isEqualTo("_id_");
    assertThat(chosen(new Document("_id", "m-1").append("state", "PENDING").append("leaseOwner", "node-a")))
        .isEqualTo("_id_");
  }

  @Test
  @DisplayName("a tenant's document read by id and not retired (ADR 22) goes to the _id index, not a scan")
  void keyedReadsUseId() {
    assertThat(chosen(new Document("_id", "acme").append("retired", new Document("$ne", true)))).isEqualTo("_id_");
  }

  @Test
  @DisplayName("an _id the index cannot look up exactly is left to the other indexes or a scan")
  void otherIdConditionsAreNotLookedUp() {
    assertThat(chosen(new Document("_id", new Document("$gte", "m-1")).append("state", "PENDING")))
        .isEqualTo("state_nextAttemptAt");
    assertThat(chosen(new Document("_id", null).append("revision", 4L))).isEqualTo("scan");
    assertThat(chosen(new Document("_id", new Document("a", 1)).append("revision", 4L))).isEqualTo("scan");
    assertThat(chosen(new Document("state", "PENDING"))).isEqualTo("state_nextAttemptAt");
  }

  @Test
  @DisplayName("the _id lookup answers the whole filter: a document that fails the rest is not matched")
  void restOfTheFilterStillApplies() {
    outbox.addDocument(new Document("_id", "m-1").append("state", "PENDING").append("leaseOwner", "node-a"));
    assertThat(outbox.handleQuery(new Document("_id", "m-1").append("leaseOwner", "node-a"))).hasSize(1);
    assertThat(outbox.handleQuery(new Document("_id", "m-1").append("leaseOwner", "node-b"))).isEmpty();
    assertThat(outbox.handleQuery(new Document("_id", "m-2").append("leaseOwner", "node-a"))).isEmpty();
  }
}
