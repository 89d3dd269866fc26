package dev.dovetail.kernel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * An immutable sorted map whose {@link #put} and {@link #remove} return a new map sharing all but O(log n) nodes with
 * this one, so that a value holding thousands of entries (a calendar's objects, a schedule's blocks) changes at the
 * cost of what changed, not of what it holds (ADR 69). A treap with path copying: each key gets a random priority when it
 * is first put (kept when its value is replaced), which keeps the tree balanced in expectation whatever the keys and
 * the order of writes. The priorities are not derived from the keys on purpose: keys such as hrefs are chosen by
 * tenants, and a priority computed from them (from {@code hashCode}, which is easy to collide) would let a hostile
 * tenant pick keys that make the tree a list, O(n) per change and as deep as the map is large.
 *
 * <p>Optionally each node carries a {@link Summary} of its subtree (for example the latest end of the intervals in it),
 * kept up to date on every change, so that {@link #anyMatch} and {@link #collect} skip subtrees that cannot hold what
 * they look for.
 *
 * @param <K> keys, ordered by the map's comparator
 * @param <V> values
 * @param <S> the subtree summary ({@link Void} without one)
 */
public final class PersistentMap<K, V, S> {

  /** Summarises a subtree from its root's key and value and its children's summaries (null for a missing child). */
  @FunctionalInterface
  public interface Summary<K, V, S> {
    S of(K key, V value, S left, S right);
  }

  private record Node<K, V, S>(K key, V value, int priority, Node<K, V, S> left, Node<K, V, S> right, int size,
      S summary) {}

  private final Comparator<? super K> order;
  private final Summary<K, V, S> summary;
  private final Node<K, V, S> root;

  private PersistentMap(Comparator<? super K> order, Summary<K, V, S> summary, Node<K, V, S> root) {
    this.order = order;
    this.summary = summary;
    this.root = root;
  }

  /** An empty map ordered by {@code order}, without summaries. */
  public static <K, V> PersistentMap<K, V, Void> empty(Comparator<? super K> order) {
    return new PersistentMap<>(order, (k, v, l, r) -> null, null);
  }

  /** An empty map ordered by {@code order} whose subtrees carry {@code summary}. */
  public static <K, V, S> PersistentMap<K, V, S> empty(Comparator<? super K> order, Summary<K, V, S> summary) {
    return new PersistentMap<>(order, summary, null);
  }

  public int size() {
    return root == null ? 0 : root.size;
  }

  public boolean isEmpty() {
    return root == null;
  }

  public V get(K key) {
    Node<K, V, S> n = root;
    while (n != null) {
      int c = order.compare(key, n.key);
      if (c == 0) {
        return n.value;
      }
      n = c < 0 ? n.left : n.right;
    }
    return null;
  }

  public boolean containsKey(K key) {
    return get(key) != null;
  }

  /** The tree's height (0 when empty): what a change costs, for the test that hostile keys cannot stretch it. */
  int height() {
    return height(root);
  }

  private static int height(Node<?, ?, ?> n) {
    return n == null ? 0 : 1 + Math.max(height(n.left), height(n.right));
  }

  /** The summary of the whole map, null when empty. */
  public S summary() {
    return root == null ? null : root.summary;
  }

  /** The map with {@code key} mapped to {@code value} (not null); this map itself if it already holds that value. */
  public PersistentMap<K, V, S> put(K key, V value) {
    Objects.requireNonNull(value, "value");
    if (get(key) == value) {
      return this;
    }
    return new PersistentMap<>(order, summary, insert(root, key, value, ThreadLocalRandom.current().nextInt()));
  }

  /**
   * This empty map filled with {@code keys} (in strictly increasing order, else {@link IllegalArgumentException}) mapped
   * to {@code values} (not null), built in O(n) with exactly one node per entry: what loading a stored value costs,
   * where one {@link #put} per entry would copy a path of O(log n) nodes (and summaries) per entry and drop them again.
   * Each entry gets a random priority, as {@link #put} gives it, so the tree has the same shape in distribution.
   */
  public PersistentMap<K, V, S> withSorted(List<? extends K> keys, List<? extends V> values) {
    if (!isEmpty()) {
      throw new IllegalStateException("withSorted fills an empty map");
    }
    int n = keys.size();
    if (values.size() != n) {
      throw new IllegalArgumentException(n + " keys and " + values.size() + " values");
    }
    if (n == 0) {
      return this;
    }
    // a treap over keys in order: the right spine on a stack, each new key hangs the popped lower ones on its left
    int[] priority = new int[n];
    int[] left = new int[n];
    int[] right = new int[n];
    int[] spine = new int[n];
    int top = -1;
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < n; i++) {
      Objects.requireNonNull(values.get(i), "value");
      if (i > 0 && order.compare(keys.get(i - 1), keys.get(i)) >= 0) {
        throw new IllegalArgumentException("keys not in strictly increasing order at " + keys.get(i));
      }
      priority[i] = random.nextInt();
      right[i] = -1;
      int last = -1;
      while (top >= 0 && priority[spine[top]] < priority[i]) {
        last = spine[top--];
      }
      left[i] = last;
      if (top >= 0) {
        right[spine[top]] = i;
      }
      spine[++top] = i;
    }
    return new PersistentMap<>(order, summary, built(spine[0], keys, values, priority, left, right));
  }

  private Node<K, V, S> built(int i, List<? extends K> keys, List<? extends V> values, int[] priority, int[] left,
      int[] right) {
    if (i < 0) {
      return null;
    }
    Node<K, V, S> l = built(left[i], keys, values, priority, left, right);
    Node<K, V, S> r = built(right[i], keys, values, priority, left, right);
    return node(keys.get(i), values.get(i), priority[i], l, r);
  }

  /** The map without {@code key}; this map itself if it has no such key. */
  public PersistentMap<K, V, S> remove(K key) {
    if (!containsKey(key)) {
      return this;
    }
    return new PersistentMap<>(order, summary, delete(root, key));
  }

  /** The values in key order (O(n): for readers, not for a change). */
  public List<V> values() {
    List<V> out = new ArrayList<>(size());
    collect(root, n -> true, (k, v) -> true, (k, v) -> out.add(v));
    return out;
  }

  /**
   * The values whose keys lie in one stretch of the order, in key order: {@code from} is false for the keys before the
   * stretch and true from its first key on, {@code until} true up to its last key and false after. O(log n + what is
   * returned).
   */
  public List<V> range(Predicate<? super K> from, Predicate<? super K> until) {
    List<V> out = new ArrayList<>();
    range(root, from, until, out);
    return out;
  }

  /** The entry with the smallest key's value, null when empty. */
  public V firstValue() {
    Node<K, V, S> n = root;
    if (n == null) {
      return null;
    }
    while (n.left != null) {
      n = n.left;
    }
    return n.value;
  }

  /**
   * Whether some entry satisfies {@code matches}, visiting only subtrees whose summary passes {@code mayHold} (which
   * must be true of every subtree holding a match): O(log n) per entry visited when the summary is selective.
   */
  public boolean anyMatch(Predicate<S> mayHold, Predicate<V> matches) {
    return any(root, mayHold, matches);
  }

  /** The values satisfying {@code matches} in key order, visiting only subtrees whose summary passes {@code mayHold}. */
  public List<V> collect(Predicate<S> mayHold, Predicate<V> matches) {
    List<V> out = new ArrayList<>();
    collect(root, n -> mayHold.test(n.summary), (k, v) -> matches.test(v), (k, v) -> out.add(v));
    return out;
  }

  /**
   * Reports every key whose value differs between {@code before} and this map (same order and summary): with the new
   * value, or null where the key was removed. Subtrees the two maps share are skipped, so after one change it costs
   * O(log n) rather than a pass over both maps.
   */
  public void changesFrom(PersistentMap<K, V, S> before, BiConsumer<K, V> changed) {
    diff(before.root, root, changed);
  }

  private void diff(Node<K, V, S> before, Node<K, V, S> after, BiConsumer<K, V> changed) {
    if (before == after) {
      return;
    }
    if (before == null) {
      collect(after, n -> true, (k, v) -> true, changed::accept);
      return;
    }
    if (after == null) {
      collect(before, n -> true, (k, v) -> true, (k, v) -> changed.accept(k, null));
      return;
    }
    Node<K, V, S>[] parts = split(after, before.key);
    diff(before.left, parts[0], changed);
    if (parts[1] == null) {
      changed.accept(before.key, null);
    } else if (parts[1].value != before.value && !parts[1].value.equals(before.value)) {
      changed.accept(before.key, parts[1].value);
    }
    diff(before.right, parts[2], changed);
  }

  /** [keys below, the node with {@code key} or null, keys above]; the subtrees off the search path are shared. */
  @SuppressWarnings("unchecked")
  private Node<K, V, S>[] split(Node<K, V, S> n, K key) {
    if (n == null) {
      return new Node[3];
    }
    int c = order.compare(key, n.key);
    if (c == 0) {
      return new Node[] {n.left, n, n.right};
    }
    if (c < 0) {
      Node<K, V, S>[] parts = split(n.left, key);
      parts[2] = node(n.key, n.value, n.priority, parts[2], n.right);
      return parts;
    }
    Node<K, V, S>[] parts = split(n.right, key);
    parts[0] = node(n.key, n.value, n.priority, n.left, parts[0]);
    return parts;
  }

  private boolean any(Node<K, V, S> n, Predicate<S> mayHold, Predicate<V> matches) {
    if (n == null || !mayHold.test(n.summary)) {
      return false;
    }
    return matches.test(n.value) || any(n.left, mayHold, matches) || any(n.right, mayHold, matches);
  }

  /** In order, the entries of the subtrees {@code mayHold} lets through that {@code matches} accepts. */
  private void collect(Node<K, V, S> n, Predicate<Node<K, V, S>> mayHold, BiPredicateOf<K, V> matches,
      BiConsumer<K, V> out) {
    if (n == null || !mayHold.test(n)) {
      return;
    }
    collect(n.left, mayHold, matches, out);
    if (matches.test(n.key, n.value)) {
      out.accept(n.key, n.value);
    }
    collect(n.right, mayHold, matches, out);
  }

  private void range(Node<K, V, S> n, Predicate<? super K> from, Predicate<? super K> until, List<V> out) {
    if (n == null) {
      return;
    }
    boolean afterFrom = from.test(n.key);
    boolean beforeUntil = until.test(n.key);
    if (afterFrom) {
      range(n.left, from, until, out);
    }
    if (afterFrom && beforeUntil) {
      out.add(n.value);
    }
    if (beforeUntil) {
      range(n.right, from, until, out);
    }
  }

  /** A predicate on a key and its value. */
  @FunctionalInterface
  private interface BiPredicateOf<K, V> {
    boolean test(K key, V value);
  }

  private Node<K, V, S> insert(Node<K, V, S> n, K key, V value, int priority) {
    if (n == null) {
      return node(key, value, priority, null, null);
    }
    int c = order.compare(key, n.key);
    if (c == 0) {
      return node(key, value, n.priority, n.left, n.right);
    }
    if (c < 0) {
      Node<K, V, S> left = insert(n.left, key, value, priority);
      if (left.priority > n.priority) {
        return node(left.key, left.value, left.priority, left.left,
            node(n.key, n.value, n.priority, left.right, n.right));
      }
      return node(n.key, n.value, n.priority, left, n.right);
    }
    Node<K, V, S> right = insert(n.right, key, value, priority);
    if (right.priority > n.priority) {
      return node(right.key, right.value, right.priority,
          node(n.key, n.value, n.priority, n.left, right.left), right.right);
    }
    return node(n.key, n.value, n.priority, n.left, right);
  }

  private Node<K, V, S> delete(Node<K, V, S> n, K key) {
    int c = order.compare(key, n.key);
    if (c == 0) {
      return merge(n.left, n.right);
    }
    if (c < 0) {
      return node(n.key, n.value, n.priority, delete(n.left, key), n.right);
    }
    return node(n.key, n.value, n.priority, n.left, delete(n.right, key));
  }

  /** Joins two treaps whose keys are all below / all above each other. */
  private Node<K, V, S> merge(Node<K, V, S> low, Node<K, V, S> high) {
    if (low == null) {
      return high;
    }
    if (high == null) {
      return low;
    }
    if (low.priority >= high.priority) {
      return node(low.key, low.value, low.priority, low.left, merge(low.right, high));
    }
    return node(high.key, high.value, high.priority, merge(low, high.left), high.right);
  }

  private Node<K, V, S> node(K key, V value, int priority, Node<K, V, S> left, Node<K, V, S> right) {
    int size = 1 + (left == null ? 0 : left.size) + (right == null ? 0 : right.size);
    S s = summary.of(key, value, left == null ? null : left.summary, right == null ? null : right.summary);
    return new Node<>(key, value, priority, left, right, size, s);
  }
}
