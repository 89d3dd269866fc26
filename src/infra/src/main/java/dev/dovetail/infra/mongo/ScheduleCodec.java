package dev.dovetail.infra.mongo;

import static dev.dovetail.infra.mongo.MongoSupport.putInstant;
import static dev.dovetail.infra.mongo.MongoSupport.requiredInstant;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.kernel.TimeRange;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A resource's schedule as a {@link PartStore} value (ADR 47): the head in {@code schedules} ({@code {_id: resourceId,
 * revision, pending, log, logFloor}}) and one part per UTC day in {@code scheduleDays}, keyed {@code yyyy-MM-dd} by the
 * day its block's span starts, body {@code {blocks: [{owner, kind, type?, from, to, spanFrom, spanTo, expires?,
 * placed}]}}, instants in epoch milliseconds. Before ADR 47 the head held all blocks as {@code blocks}; {@link #BLOCKS}
 * names that field for the start-up migration. Decoding goes through the {@link Schedule} constructor, so a stored
 * overlap (which the writes never produce) would be reported rather than served.
 */
final class ScheduleCodec {

  static final String BLOCKS = "blocks";

  private ScheduleCodec() {}

  static JsonArray encodeBlocks(List<Block> blocks) {
    JsonArray array = new JsonArray();
    for (Block b : blocks) {
      JsonObject doc = new JsonObject()
          .put("owner", b.ownerId())
          .put("kind", b.kind().name());
      if (b.bookingTypeId() != null) {
        doc.put("type", b.bookingTypeId());
      }
      putInstant(doc, "from", b.booked().start());
      putInstant(doc, "to", b.booked().end());
      putInstant(doc, "spanFrom", b.span().start());
      putInstant(doc, "spanTo", b.span().end());
      putInstant(doc, "expires", b.expiresAt());
      putInstant(doc, "placed", b.placedAt());
      array.add(doc);
    }
    return array;
  }

  /** The part key of a block: the UTC day its span starts. */
  static String day(Block block) {
    return dayKey(epochDay(block));
  }

  static long epochDay(Block block) {
    return Math.floorDiv(block.span().start().getEpochSecond(), 86_400L);
  }

  static String dayKey(long epochDay) {
    return LocalDate.ofEpochDay(epochDay).toString();
  }

  /** Blocks by the day their span starts. */
  static Map<String, List<Block>> byDay(List<Block> blocks) {
    Map<String, List<Block>> days = new HashMap<>();
    for (Block b : blocks) {
      days.computeIfAbsent(day(b), d -> new ArrayList<>()).add(b);
    }
    return days;
  }

  static JsonObject encodeDay(List<Block> blocks) {
    return new JsonObject().put(BLOCKS, encodeBlocks(blocks));
  }

  static Schedule decode(PartStore.Loaded<List<Block>> loaded) {
    List<Block> blocks = new ArrayList<>();
    loaded.parts().values().forEach(blocks::addAll);
    return new Schedule(loaded.owner(), loaded.revision(), blocks);
  }

  /** The blocks of a document with a {@code blocks} array: a day part's body, or a head written before ADR 47. */
  static List<Block> decodeBlocks(JsonObject doc) {
    List<Block> blocks = new ArrayList<>();
    for (Object item : MongoSupport.array(doc, BLOCKS)) {
      JsonObject b = (JsonObject) item;
      blocks.add(new Block(
          b.getString("owner"),
          Block.Kind.valueOf(b.getString("kind")),
          b.getString("type"),
          new TimeRange(requiredInstant(b, "from"), requiredInstant(b, "to")),
          new TimeRange(requiredInstant(b, "spanFrom"), requiredInstant(b, "spanTo")),
          MongoSupport.instant(b, "expires"),
          requiredInstant(b, "placed")));
    }
    return blocks;
  }
}
