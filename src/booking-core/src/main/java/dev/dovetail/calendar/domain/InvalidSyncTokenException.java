package dev.dovetail.calendar.domain;

/** A sync token this calendar never issued, or one older than the deletions it still remembers (RFC 6578 3.2). */
public class InvalidSyncTokenException extends RuntimeException {

  public InvalidSyncTokenException(String message) {
    super(message);
  }
}
