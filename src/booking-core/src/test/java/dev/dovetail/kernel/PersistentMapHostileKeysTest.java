package dev.dovetail.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Keys are chosen by tenants (hrefs, owner names), so the map's shape must not follow from them: 16,384 hrefs that all
 * share one {@code hashCode}, written in sorted order, would make a treap whose priorities come from the keys a list
 * 16,384 deep. With random priorities its height stays near 3 log2 n (about 42 here); 128 is far beyond anything a
 * random treap of this size reaches in practice.
 */
class PersistentMapHostileKeysTest {

  @Test
  @DisplayName("keys with one hashCode, written in sorted order, still give a shallow tree")
  void collidingKeysInOrderStayShallow() {
    List<String> keys = collidingKeys(14);
    keys.sort(Comparator.naturalOrder());
    assertThat(keys).hasSize(16_384).allMatch(k -> k.hashCode() == keys.get(0).hashCode());

    PersistentMap<String, String, Void> map = PersistentMap.empty(Comparator.naturalOrder());
    for (String key : keys) {
      map = map.put(key + ".ics", key);
    }

    assertThat(map.size()).isEqualTo(16_384);
    assertThat(map.height()).isLessThan(128);
    assertThat(map.get(keys.get(9_000) + ".ics")).isEqualTo(keys.get(9_000));
  }

  @Test
  @DisplayName("the same keys loaded at once (withSorted) give a shallow tree too")
  void collidingKeysLoadedAtOnceStayShallow() {
    List<String> keys = collidingKeys(14);
    keys.sort(Comparator.naturalOrder());
    List<String> hrefs = keys.stream().map(k -> k + ".ics").toList();

    PersistentMap<String, String, Void> map =
        PersistentMap.<String, String>empty(Comparator.naturalOrder()).withSorted(hrefs, keys);

    assertThat(map.size()).isEqualTo(16_384);
    assertThat(map.height()).isLessThan(128);
    assertThat(map.get(keys.get(9_000) + ".ics")).isEqualTo(keys.get(9_000));
    assertThat(map.put(keys.get(0) + ".ics", "changed").height()).isLessThan(128);
  }

  /** Every string of {@code pairs} blocks, each "Aa" or "BB" (the two have the same hashCode). */
  private static List<String> collidingKeys(int pairs) {
    List<String> keys = new ArrayList<>(List.of(""));
    for (int i = 0; i < pairs; i++) {
      List<String> longer = new ArrayList<>(keys.size() * 2);
      for (String k : keys) {
        longer.add(k + "Aa");
        longer.add(k + "BB");
      }
      keys = longer;
    }
    return keys;
  }
}
