package dev.dovetail.booking.domain;

import dev.dovetail.kernel.ConflictException;

/**
 * The resource's lock could not be had in time: other writes to the same resource are queued ahead. Nothing was
 * checked or written; the same request may succeed a moment later (HTTP 503 with Retry-After).
 */
public class ResourceBusyException extends ConflictException {

  /** How long a client should wait before trying again. */
  public static final int RETRY_AFTER_SECONDS = 1;

  public ResourceBusyException(String resourceId) {
    super("resource " + resourceId + " is busy, try again in a moment");
  }
}
