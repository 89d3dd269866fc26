package dev.dovetail.infra.mongo.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A unique-index map written before ADR 79 (keys Java-serialised, in ADR 72's order) opened by {@link IndexKeyType}. */
@DisplayName("The index keys' encoding")
class KeyValueEncodingTest {

  private static final String MAP = KeyOrderedH2Backend.indexMapName("dovetail.items", "version");
  private static final int KEYS = 600;
  private static final int REWRITTEN = 40;

  @Test
  @DisplayName("reads a map of keys written before, writes the keys of every page it rewrites, and old and new mix")
  void mapWrittenBeforeOpensAndMixes(@TempDir Path dir) {
    Path file = dir.resolve("store.mv.db");
    MVStore old = open(file);
    MVMap<KeyValue, Object> written = old.openMap(MAP, new MVMap.Builder<KeyValue, Object>().keyType(new AsBefore()));
    for (int i = 0; i < KEYS; i++) {
      written.put(key(i), "item-" + i);
    }
    old.commit();
    old.close(0);

    MVStore store = open(file);
    MVMap<KeyValue, Object> map = KeyOrderedH2Backend.openIndexMap(store, MAP);
    for (int i = 0; i < KEYS; i++) {
      assertThat(map.get(key(i))).isEqualTo("item-" + i);
    }
    for (int i = 0; i < REWRITTEN; i++) {
      map.put(key(i), "changed-" + i);
      map.put(key(KEYS + i), "item-" + (KEYS + i));
    }
    store.commit();
    store.close(0);

    MVStore plain = open(file); // as before ADR 79: the rewritten pages' keys (the root's too) no longer read
    assertThatThrownBy(() -> plain.openMap(MAP, new MVMap.Builder<KeyValue, Object>().keyType(new AsBefore()))
        .get(key(0))).isInstanceOf(MVStoreException.class);
    plain.closeImmediately();

    MVStore again = open(file);
    MVMap<KeyValue, Object> reread = KeyOrderedH2Backend.openIndexMap(again, MAP);
    for (int i = 0; i < KEYS + REWRITTEN; i++) {
      assertThat(reread.get(key(i))).as("#%d", i).isEqualTo((i < REWRITTEN ? "changed-" : "item-") + i);
    }
    List<KeyValue> walked = new ArrayList<>();
    for (Cursor<KeyValue, Object> cursor = reread.cursor(null); cursor.hasNext(); ) {
      walked.add(cursor.next());
    }
    List<KeyValue> sorted = new ArrayList<>(walked);
    sorted.sort(new IndexKeyType());
    assertThat(walked).hasSize(KEYS + REWRITTEN).isEqualTo(sorted);
    again.closeImmediately();
  }

  /** An index key as this hub's compare-and-set indexes hold them: an id and a revision. */
  private static KeyValue key(int i) {
    return new KeyValue("resource-" + i, (long) i % 7);
  }

  private static MVStore open(Path file) {
    return new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
  }

  /** The key type of ADR 72: {@link IndexKeyType}'s order, every key written by H2's {@link ObjectDataType}. */
  private static final class AsBefore extends ObjectDataType {
    private final IndexKeyType order = new IndexKeyType();

    @Override
    public int compare(Object a, Object b) {
      return order.compare(a, b);
    }
  }
}
