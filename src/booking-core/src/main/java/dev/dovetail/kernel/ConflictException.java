package dev.dovetail.kernel;

/** The change cannot be applied to the current state: a duplicate id, a cancelled booking, an expired hold, ... */
public class ConflictException extends RuntimeException {

  public ConflictException(String reason) {
    super(reason);
  }
}
