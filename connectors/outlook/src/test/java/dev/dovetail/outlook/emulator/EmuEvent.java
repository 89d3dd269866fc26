package dev.dovetail.outlook.emulator;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One stored Graph event: a single instance or a series master (with its recurrence and per-occurrence overrides).
 * Mutable; only touched while holding the mailbox's lock.
 */
final class EmuEvent {

  final String id;
  final String calendarId;
  final String iCalUId;
  final String transactionId;
  final Instant created;
  String subject;
  LocalDateTime start;
  LocalDateTime end;
  String timeZone;
  /** What {@code originalStartTimeZone} reports: the zone name, or {@code tzone://Microsoft/Custom}. */
  String originalTimeZone;
  boolean allDay;
  String showAs = "busy";
  JsonObject recurrence;
  /** Occurrence overrides by original start (UTC): moved or changed (exception) or cancelled. */
  final Map<Instant, Override> overrides = new TreeMap<>();
  final Map<String, String> extendedProperties = new HashMap<>();
  String changeKey;
  Instant lastModified;
  long changeSeq;

  EmuEvent(String id, String calendarId, String iCalUId, String transactionId, Instant created) {
    this.id = id;
    this.calendarId = calendarId;
    this.iCalUId = iCalUId;
    this.transactionId = transactionId;
    this.created = created;
  }

  boolean isSeriesMaster() {
    return recurrence != null;
  }

  /** A changed or cancelled occurrence of a series. Times are in the master's zone. */
  static final class Override {
    LocalDateTime start;
    LocalDateTime end;
    String subject;
    String showAs;
    boolean cancelled;
    String changeKey;
  }
}
