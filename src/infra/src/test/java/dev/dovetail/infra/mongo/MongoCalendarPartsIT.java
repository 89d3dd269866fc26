package dev.dovetail.infra.mongo;

import static dev.dovetail.booking.port.out.Outcomes.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.calendar.domain.CalendarCollection;
import dev.dovetail.calendar.domain.CalendarObject;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The calendar as a head plus one document per object (ADR 47): what a write moves, what a reader sees between a
 * commit and its flush, two nodes with caches of their own, and the start-up migration of one-document calendars.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Calendars stored as a head and one document per object")
class MongoCalendarPartsIT {

  private String database;
  private MongoStore node1;
  private MongoStore node2;
  private Vertx vertx;

  @BeforeEach
  void connect(Vertx vertx) {
    this.vertx = vertx;
    database = MongoFixture.freshDatabase();
    node1 = await(MongoFixture.connect(vertx, database));
    node2 = await(MongoFixture.connect(vertx, database));
  }

  @AfterEach
  void close() {
    await(node1.close());
    await(node2.close());
  }

  private static CalendarObject event(String name, String summary) {
    return CalendarObject.of(name + ".ics", name + "@test",
        "BEGIN:VCALENDAR\r\nUID:" + name + "\r\nSUMMARY:" + summary + "\r\nEND:VCALENDAR\r\n", false);
  }

  private JsonObject head(String id) {
    return await(raw().findOne(MongoCalendarObjectRepository.COLLECTION, new JsonObject().put("_id", id), null));
  }

  private List<JsonObject> parts(String id) {
    return await(raw().find(MongoCalendarObjectRepository.OBJECTS, new JsonObject().put("owner", id)));
  }

  private String ics(String cal, String href) {
    return parts(cal).stream().filter(p -> p.getString("key").equals(href)).findFirst().orElseThrow()
        .getJsonObject("body").getString("ics");
  }

  private io.vertx.ext.mongo.MongoClient raw() {
    return node1.client();
  }

  @Test
  @DisplayName("a write carries only the object it changes: the head holds it as pending, filed after the commit")
  void writeMovesOnlyWhatChanges() {
    String cal = "parts-write";
    for (int i = 0; i < 50; i++) {
      String name = "e" + i;
      await(node1.calendars().update(cal, c -> c.put(event(name, "first"))));
    }
    await(node1.calendars().update(cal, c -> c.put(event("e7", "changed"))));

    JsonObject head = head(cal);
    assertThat(head.containsKey("objects")).isFalse();
    assertThat(head.getJsonArray("pending")).hasSize(1);
    assertThat(head.getJsonArray("pending").getJsonObject(0).getString("key")).isEqualTo("e7.ics");
    assertThat(parts(cal)).hasSize(50);
    // The writer files its commit's pending object itself, after the commit and outside any lock.
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!ics(cal, "e7.ics").contains("SUMMARY:changed") && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(ics(cal, "e7.ics")).contains("SUMMARY:changed");

    await(node1.calendars().update(cal, c -> c.withProperty("displayname", "Room")));
    assertThat(ics(cal, "e7.ics")).contains("SUMMARY:changed");
    assertThat(head(cal).getJsonArray("pending")).isEmpty();
  }

  @Test
  @DisplayName("a node that never read the calendar sees a commit whose object is still pending (a crash before filing)")
  void pendingIsAuthoritative() {
    String cal = "parts-pending";
    await(node1.calendars().update(cal, c -> c.put(event("a", "one"))));
    await(node1.calendars().update(cal, c -> c.put(event("a", "two")).remove("missing.ics").put(event("b", "b"))));
    await(node1.calendars().update(cal, c -> c.remove("a.ics")));

    CalendarCollection seen = await(node2.calendars().load(cal));
    assertThat(seen.find("a.ics")).isEmpty();
    assertThat(seen.find("b.ics")).isPresent();
    assertThat(seen.tombstones()).extracting(CalendarCollection.Tombstone::href).containsExactly("a.ics");
    CalendarCollection writer = await(node1.calendars().load(cal));
    // the same content (each version's maps are shaped by random priorities, so compare what they hold)
    assertThat(seen.revision()).isEqualTo(writer.revision());
    assertThat(seen.sequence()).isEqualTo(writer.sequence());
    assertThat(seen.properties()).isEqualTo(writer.properties());
    assertThat(seen.objects()).isEqualTo(writer.objects());
    assertThat(seen.tombstones()).isEqualTo(writer.tombstones());
    assertThat(seen.tombstoneFloor()).isEqualTo(writer.tombstoneFloor());
  }

  @Test
  @DisplayName("two nodes writing in turn keep equal views: each refreshes from the head's log of changed objects")
  void twoNodesRefreshFromTheLog() {
    String cal = "parts-two-nodes";
    List<MongoStore> nodes = List.of(node1, node2);
    for (int i = 0; i < 40; i++) {
      MongoStore writer = nodes.get(i % 2);
      String name = "e" + (i % 7);
      String summary = "v" + i;
      if (i % 5 == 4) {
        await(writer.calendars().update(cal, c -> c.remove(name + ".ics")));
      } else {
        await(writer.calendars().update(cal, c -> c.put(event(name, summary))));
      }
      CalendarCollection one = await(node1.calendars().load(cal));
      CalendarCollection two = await(node2.calendars().load(cal));
      assertThat(two.objects()).isEqualTo(one.objects());
      assertThat(two.sequence()).isEqualTo(one.sequence());
    }
  }

  @Test
  @DisplayName("a node more changes behind than the log keeps reads the whole calendar again")
  void farBehindReadsEverything() {
    String cal = "parts-far-behind";
    await(node1.calendars().update(cal, c -> c.put(event("stale", "old"))));
    assertThat(await(node2.calendars().load(cal)).objects()).hasSize(1);
    for (int i = 0; i <= PartStore.LOG_LIMIT; i++) {
      String name = "n" + (i % 20);
      String summary = "v" + i;
      await(node1.calendars().update(cal, c -> c.put(event(name, summary))));
    }
    await(node1.calendars().update(cal, c -> c.remove("stale.ics")));
    assertThat(head(cal).getLong("logFloor")).isPositive();

    CalendarCollection two = await(node2.calendars().load(cal));
    assertThat(two.objects()).isEqualTo(await(node1.calendars().load(cal)).objects());
    assertThat(two.find("stale.ics")).isEmpty();
  }

  @Test
  @DisplayName("start-up moves a calendar stored as one document to one document per object, nothing lost")
  void migratesOneDocumentCalendars() {
    String cal = "parts-legacy";
    JsonArray objects = new JsonArray();
    List<CalendarObject> written = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      CalendarObject o = event("old" + i, "legacy").atSequence(i + 1);
      written.add(o);
      objects.add(CalendarCodec.encodeObject(o).put("href", o.href()));
    }
    await(raw().insert(MongoCalendarObjectRepository.COLLECTION, new JsonObject().put("_id", cal).put("revision", 9L)
        .put("sequence", 3L).put("tombstoneFloor", 0L).put("properties", new JsonObject().put("displayname", "Old"))
        .put("objects", objects).put("tombstones", new JsonArray())));

    MongoStore restarted = await(MongoFixture.connect(vertx, database));
    try {
      assertThat(head(cal).containsKey("objects")).isFalse();
      assertThat(parts(cal)).hasSize(3);
      CalendarCollection migrated = await(restarted.calendars().load(cal));
      assertThat(migrated.revision()).isEqualTo(9);
      assertThat(migrated.sequence()).isEqualTo(3);
      assertThat(migrated.properties()).containsEntry("displayname", "Old");
      assertThat(migrated.objects()).containsExactlyInAnyOrderElementsOf(written);
      CalendarCollection next = await(restarted.calendars().update(cal, c -> c.put(event("new", "x"))));
      assertThat(next.objects()).hasSize(4);
    } finally {
      await(restarted.close());
    }
  }

  @Test
  @DisplayName("deleting a calendar removes its head and every object document")
  void deleteRemovesParts() {
    String cal = "parts-delete";
    await(node1.calendars().update(cal, c -> c.put(event("a", "1"))));
    await(node1.calendars().update(cal, c -> c.put(event("b", "1"))));
    await(node1.calendars().delete(cal));
    assertThat(head(cal)).isNull();
    assertThat(parts(cal)).isEmpty();
    assertThat(await(node2.calendars().load(cal)).objects()).isEmpty();
  }
}
