package dev.dovetail.infra.mongo;

import static dev.dovetail.infra.mongo.MongoSupport.putInstant;
import static dev.dovetail.infra.mongo.MongoSupport.requiredInstant;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.booking.domain.TimeRange;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A resource's schedule as one document:
 * {@code {_id: resourceId, revision: long, blocks: [{owner, kind, type?, from, to, spanFrom, spanTo, expires?,
 * placed}]}}, instants in epoch milliseconds. Decoding goes through the {@link Schedule} constructor, so a stored
 * overlap (which the writes never produce) would be reported rather than served.
 */
final class ScheduleCodec {

  static final String REVISION = "revision";
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

  static JsonObject encode(Schedule schedule) {
    return new JsonObject()
        .put("_id", schedule.resourceId())
        .put(REVISION, schedule.revision())
        .put(BLOCKS, encodeBlocks(schedule.blocks()));
  }

  static Schedule decode(JsonObject doc) {
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
    return new Schedule(doc.getString("_id"), doc.getLong(REVISION), blocks);
  }
}
