package dev.dovetail.calendar.domain;

import dev.dovetail.kernel.ConflictException;

/** Another object of the same calendar already has this UID (one UID, one object); names that object. */
public class UidInUseException extends ConflictException {

  private final String providerId;
  private final String resourceId;
  private final String objectName;

  public UidInUseException(String providerId, String resourceId, String objectName) {
    super("another object in this calendar already has this UID");
    this.providerId = providerId;
    this.resourceId = resourceId;
    this.objectName = objectName;
  }

  public String providerId() {
    return providerId;
  }

  public String resourceId() {
    return resourceId;
  }

  /** The name of the object that holds the UID. */
  public String objectName() {
    return objectName;
  }
}
