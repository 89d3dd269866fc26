package dev.dovetail.infra.mongo;

import dev.dovetail.calendar.port.out.ScheduleRevisions;
import io.vertx.core.Future;

/**
 * The revision of a resource's schedule document, read with a projection (the blocks stay in the store), so that the
 * CalDAV server can tell in one small read whether the calendar view it cached is still current.
 */
public class MongoScheduleRevisions implements ScheduleRevisions {

  private final CompareAndSet heads;

  MongoScheduleRevisions(MongoSupport mongo) {
    this.heads = new CompareAndSet(mongo, MongoScheduleRepository.COLLECTION, null);
  }

  @Override
  public Future<Long> revision(String resourceId) {
    return heads.stored(resourceId);
  }
}
