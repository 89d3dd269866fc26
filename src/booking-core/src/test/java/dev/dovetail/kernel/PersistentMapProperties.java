package dev.dovetail.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link PersistentMap} against {@link TreeMap}, the straightforward sorted map: after every put and remove it holds
 * the same entries in the same order, its searches and summaries answer what a pass over the entries answers, every
 * earlier version is unchanged, and the changes it reports between two versions are exactly the entries that differ.
 */
@Label("The persistent map")
class PersistentMapProperties {

  /** A put (value non-null) or a remove of a key from a small range, so that keys collide often. */
  record Op(int key, Integer value) {}

  @Provide
  Arbitrary<List<Op>> operations() {
    Arbitrary<Integer> keys = Arbitraries.integers().between(0, 60);
    Arbitrary<Integer> values = Arbitraries.integers().between(0, 1_000).injectNull(0.3);
    return Combinators.combine(keys, values).as(Op::new).list().ofMaxSize(200);
  }

  /** The largest value in a subtree, summarised. */
  /** Applies {@code op} (a put, or a remove when its value is null) to the map and to the model alike. */
  private static PersistentMap<Integer, Integer, Integer> apply(Op op, PersistentMap<Integer, Integer, Integer> map,
      TreeMap<Integer, Integer> model) {
    if (op.value() == null) {
      model.remove(op.key());
      return map.remove(op.key());
    }
    model.put(op.key(), op.value());
    return map.put(op.key(), op.value());
  }

  private static PersistentMap<Integer, Integer, Integer> emptyWithMax() {
    return PersistentMap.empty(Comparator.naturalOrder(), (k, v, l, r) -> Math.max(v, Math.max(
        l == null ? Integer.MIN_VALUE : l, r == null ? Integer.MIN_VALUE : r)));
  }

  @Property(tries = 300)
  @Label("holds what a TreeMap holds after every change, and keeps every earlier version as it was")
  void behavesLikeATreeMap(@ForAll("operations") List<Op> ops) {
    PersistentMap<Integer, Integer, Integer> map = emptyWithMax();
    TreeMap<Integer, Integer> model = new TreeMap<>();
    List<PersistentMap<Integer, Integer, Integer>> versions = new ArrayList<>();
    List<TreeMap<Integer, Integer>> models = new ArrayList<>();
    for (Op op : ops) {
      map = apply(op, map, model);
      assertSame(map, model);
      versions.add(map);
      models.add(new TreeMap<>(model));
    }
    for (int i = 0; i < versions.size(); i++) {
      assertSame(versions.get(i), models.get(i));
    }
  }

  @Property(tries = 300)
  @Label("built at once from sorted entries, holds what a TreeMap holds, and changes like one built by puts")
  void builtFromSortedEntries(@ForAll("operations") List<Op> loaded, @ForAll("operations") List<Op> ops) {
    TreeMap<Integer, Integer> model = new TreeMap<>();
    for (Op op : loaded) {
      if (op.value() != null) {
        model.put(op.key(), op.value());
      }
    }
    PersistentMap<Integer, Integer, Integer> map = emptyWithMax()
        .withSorted(List.copyOf(model.keySet()), List.copyOf(model.values()));
    assertSame(map, model);
    PersistentMap<Integer, Integer, Integer> before = map;
    for (Op op : ops) {
      map = apply(op, map, model);
      assertSame(map, model);
    }
    Map<Integer, Integer> reported = new HashMap<>();
    map.changesFrom(before, reported::put);
    TreeMap<Integer, Integer> loadedModel = model(before);
    Map<Integer, Integer> expected = new HashMap<>();
    loadedModel.forEach((k, v) -> {
      if (!v.equals(model.get(k))) {
        expected.put(k, model.get(k));
      }
    });
    model.forEach((k, v) -> {
      if (!loadedModel.containsKey(k)) {
        expected.put(k, v);
      }
    });
    assertThat(reported).isEqualTo(expected);
  }

  @Property(tries = 100)
  @Label("refuses entries that are not in strictly increasing order, and fills only an empty map")
  void withSortedRefusesUnsortedKeys(@ForAll("operations") List<Op> ops) {
    List<Integer> keys = ops.stream().map(Op::key).toList();
    List<Integer> values = keys.stream().map(k -> 1).toList();
    boolean increasing = true;
    for (int i = 1; i < keys.size(); i++) {
      increasing &= keys.get(i - 1) < keys.get(i);
    }
    if (increasing) {
      assertThat(emptyWithMax().withSorted(keys, values).size()).isEqualTo(keys.size());
    } else {
      assertThatThrownBy(() -> emptyWithMax().withSorted(keys, values))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> emptyWithMax().put(1, 1).withSorted(List.of(2), List.of(2)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Property(tries = 300)
  @Label("reports as changed exactly the keys whose values differ between any two versions")
  void changesAreExactlyTheDifference(@ForAll("operations") List<Op> ops, @ForAll("operations") List<Op> more) {
    PersistentMap<Integer, Integer, Integer> before = apply(emptyWithMax(), ops);
    PersistentMap<Integer, Integer, Integer> after = apply(before, more);
    Map<Integer, Integer> reported = new HashMap<>();
    Map<Integer, Boolean> removed = new HashMap<>();
    after.changesFrom(before, (k, v) -> {
      assertThat(reported.containsKey(k) || removed.containsKey(k)).as("%s reported twice", k).isFalse();
      if (v == null) {
        removed.put(k, true);
      } else {
        reported.put(k, v);
      }
    });
    TreeMap<Integer, Integer> a = model(before);
    TreeMap<Integer, Integer> b = model(after);
    Map<Integer, Integer> expected = new HashMap<>();
    b.forEach((k, v) -> {
      if (!v.equals(a.get(k))) {
        expected.put(k, v);
      }
    });
    assertThat(reported).isEqualTo(expected);
    assertThat(removed.keySet()).isEqualTo(a.keySet().stream().filter(k -> !b.containsKey(k))
        .collect(Collectors.toSet()));
  }

  private static PersistentMap<Integer, Integer, Integer> apply(PersistentMap<Integer, Integer, Integer> map,
      List<Op> ops) {
    PersistentMap<Integer, Integer, Integer> out = map;
    for (Op op : ops) {
      out = op.value() == null ? out.remove(op.key()) : out.put(op.key(), op.value());
    }
    return out;
  }

  private static TreeMap<Integer, Integer> model(PersistentMap<Integer, Integer, Integer> map) {
    TreeMap<Integer, Integer> out = new TreeMap<>();
    for (int k = 0; k <= 60; k++) {
      Integer v = map.get(k);
      if (v != null) {
        out.put(k, v);
      }
    }
    return out;
  }

  private static void assertSame(PersistentMap<Integer, Integer, Integer> map, TreeMap<Integer, Integer> model) {
    assertThat(map.size()).isEqualTo(model.size());
    assertThat(map.isEmpty()).isEqualTo(model.isEmpty());
    assertThat(map.values()).containsExactlyElementsOf(model.values());
    assertThat(map.firstValue()).isEqualTo(model.isEmpty() ? null : model.firstEntry().getValue());
    for (int k = -1; k <= 61; k++) {
      assertThat(map.get(k)).isEqualTo(model.get(k));
      assertThat(map.containsKey(k)).isEqualTo(model.containsKey(k));
    }
    assertThat(map.summary()).isEqualTo(model.values().stream().max(Integer::compare).orElse(null));
    for (int from = 0; from <= 60; from += 7) {
      int f = from;
      int to = from + 13;
      assertThat(map.range(k -> k >= f, k -> k < to)).containsExactlyElementsOf(model.subMap(f, to).values());
      int floor = from * 15;
      assertThat(map.collect(max -> max >= floor, v -> v >= floor))
          .containsExactlyElementsOf(model.values().stream().filter(v -> v >= floor).toList());
      assertThat(map.anyMatch(max -> max >= floor, v -> v >= floor))
          .isEqualTo(model.values().stream().anyMatch(v -> v >= floor));
    }
  }
}
