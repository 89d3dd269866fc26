package dev.dovetail.kernel;

/** A provider, resource, booking type or booking that does not exist, or that the caller may not see. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what, String id) {
    super(what + " not found: " + id);
  }
}
