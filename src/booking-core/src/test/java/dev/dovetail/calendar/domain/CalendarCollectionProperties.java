package dev.dovetail.calendar.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link CalendarCollection}'s incremental changes (ADR 69) against a model written the long way: a list of objects
 * rebuilt and scanned on every change, with the same rules for hrefs, UIDs, sequence, tombstones and sync tokens.
 */
@Label("A calendar, incremental against a plain list")
class CalendarCollectionProperties {

  /** 0 put, 1 remove, 2 set a property; small ranges of hrefs, UIDs and bodies so that they collide. */
  record Op(int kind, int href, int uid, int body) {}

  @Provide
  Arbitrary<List<Op>> operations() {
    return Combinators.combine(Arbitraries.of(0, 0, 0, 1, 1, 2), Arbitraries.integers().between(0, 12),
        Arbitraries.integers().between(0, 12), Arbitraries.integers().between(0, 3)).as(Op::new)
        .list().ofMaxSize(120);
  }

  /** The model: objects in a list, replaced and scanned whole. */
  private static final class Model {
    final List<CalendarObject> objects = new ArrayList<>();
    final List<CalendarCollection.Tombstone> tombstones = new ArrayList<>();
    final Map<String, String> properties = new TreeMap<>();
    long sequence;

    CalendarObject find(String href) {
      return objects.stream().filter(o -> o.href().equals(href)).findFirst().orElse(null);
    }

    /** False if another href holds the UID (the calendar refuses the write). */
    boolean put(CalendarObject o) {
      CalendarObject existing = find(o.href());
      if (existing != null && existing.etag().equals(o.etag()) && existing.booking() == o.booking()) {
        return true;
      }
      if (objects.stream().anyMatch(x -> x.uid().equals(o.uid()) && !x.href().equals(o.href()))) {
        return false;
      }
      sequence++;
      objects.removeIf(x -> x.href().equals(o.href()));
      objects.add(o.atSequence(sequence));
      tombstones.removeIf(t -> t.href().equals(o.href()));
      return true;
    }

    void remove(String href) {
      if (find(href) == null) {
        return;
      }
      sequence++;
      objects.removeIf(x -> x.href().equals(href));
      tombstones.removeIf(t -> t.href().equals(href));
      tombstones.add(new CalendarCollection.Tombstone(href, sequence));
    }

    void property(String name, String value) {
      if (!Objects.equals(properties.get(name), value)) {
        sequence++;
        if (value == null) {
          properties.remove(name);
        } else {
          properties.put(name, value);
        }
      }
    }
  }

  @Property(tries = 300)
  @Label("holds, finds, refuses and reports exactly what the list model does after every change")
  void agreesWithTheListModel(@ForAll("operations") List<Op> ops) {
    CalendarCollection calendar = CalendarCollection.empty("r");
    Model model = new Model();
    for (Op op : ops) {
      CalendarCollection before = calendar;
      String href = "e" + op.href() + ".ics";
      switch (op.kind()) {
        case 0 -> {
          CalendarObject o = CalendarObject.of(href, "u" + op.uid(), "body " + op.body(), false);
          if (model.put(o)) {
            calendar = calendar.put(o);
          } else {
            assertThatThrownBy(() -> before.put(o)).isInstanceOf(IllegalArgumentException.class);
          }
        }
        case 1 -> {
          model.remove(href);
          calendar = calendar.remove(href);
        }
        default -> {
          String value = op.body() == 0 ? null : "v" + op.body();
          model.property("p" + op.uid() % 3, value);
          calendar = calendar.withProperty("p" + op.uid() % 3, value);
        }
      }
      assertAgrees(calendar, model);
      assertChangedSince(calendar, before);
    }
  }

  private static void assertAgrees(CalendarCollection calendar, Model model) {
    List<CalendarObject> byHref = model.objects.stream().sorted(Comparator.comparing(CalendarObject::href)).toList();
    assertThat(calendar.objects()).containsExactlyElementsOf(byHref);
    assertThat(calendar.size()).isEqualTo(byHref.size());
    assertThat(calendar.sequence()).isEqualTo(model.sequence);
    assertThat(calendar.properties()).isEqualTo(model.properties);
    assertThat(calendar.tombstones()).containsExactlyElementsOf(model.tombstones);
    for (int i = 0; i <= 13; i++) {
      String href = "e" + i + ".ics";
      String uid = "u" + i;
      assertThat(calendar.find(href).orElse(null)).isEqualTo(model.find(href));
      assertThat(calendar.findByUid(uid).orElse(null))
          .isEqualTo(model.objects.stream().filter(o -> o.uid().equals(uid)).findFirst().orElse(null));
    }
    for (long token = 0; token <= model.sequence; token++) {
      long t = token;
      CalendarCollection.Changes changes = calendar.changesSince(token);
      assertThat(changes.changed()).containsExactlyElementsOf(model.objects.stream()
          .filter(o -> o.sequence() > t).sorted(Comparator.comparingLong(CalendarObject::sequence)).toList());
      assertThat(changes.removed()).containsExactlyElementsOf(
          model.tombstones.stream().filter(s -> s.sequence() > t).map(CalendarCollection.Tombstone::href).toList());
    }
  }

  /** The objects the repository writes after a change are exactly those whose content differs. */
  private static void assertChangedSince(CalendarCollection after, CalendarCollection before) {
    Map<String, CalendarObject> expected = new HashMap<>();
    for (CalendarObject o : after.objects()) {
      if (!o.equals(before.find(o.href()).orElse(null))) {
        expected.put(o.href(), o);
      }
    }
    for (CalendarObject o : before.objects()) {
      if (after.find(o.href()).isEmpty()) {
        expected.put(o.href(), null);
      }
    }
    assertThat(after.objectsChangedSince(before)).isEqualTo(expected);
  }
}
