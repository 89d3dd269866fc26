package dev.dovetail.outlook.emulator;

import dev.dovetail.outlook.emulator.EmuJson.OutZone;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * calendarView/delta rounds. A round compares the view now with what the client was given at its delta token (its
 * snapshot: instance id → changeKey) and pages the difference: changed or new instances in full, removed ones (deleted
 * or moved out of the window) as {@code @removed}. Tokens are opaque keys into server-side state. Knobs reproduce the
 * documented irregularities: duplicates across pages, replays of the last round, out-of-window changes reported as
 * removed, shuffled order, and token invalidation (410 with Location, syncStateNotFound, resyncRequired).
 */
final class EmuDelta {

  private record State(String calendarId, Instant from, Instant to, Map<String, String> snapshot, long seq,
      List<JsonObject> lastRound, int generation, OutZone out) {
  }

  private record Pending(List<List<JsonObject>> pages, int next, State after) {
  }

  /** What the request gets: a page of items and either a nextLink or a deltaLink. */
  record Page(JsonArray value, String nextLink, String deltaLink) {
  }

  private final EmuMailbox mailbox;
  private final Random random;
  private final Map<String, State> deltaTokens = new HashMap<>();
  private final Map<String, Pending> skipTokens = new HashMap<>();
  private int generation;
  volatile int defaultPageSize = 10;
  volatile boolean duplicateAcrossPages;
  volatile boolean replayOnNextRound;
  volatile boolean reportOutOfRangeAsRemoved;
  volatile boolean shuffle = true;
  /** How the next use of an invalidated token fails: 410Location, syncStateNotFound or resyncRequired. */
  private String invalidMode = "410Location";
  private int syncStateNotFoundStatus = 410;

  EmuDelta(EmuMailbox mailbox, Random random) {
    this.mailbox = mailbox;
    this.random = random;
  }

  synchronized void invalidate(String mode) {
    if (!List.of("410Location", "syncStateNotFound", "resyncRequired").contains(mode)) {
      throw new EmuException(400, "invalidRequest", "mode must be 410Location, syncStateNotFound or resyncRequired");
    }
    invalidMode = mode;
    generation++;
  }

  synchronized void syncStateNotFoundStatus(int status) {
    syncStateNotFoundStatus = status;
  }

  /** The first request of a round series: every instance now in the window. */
  synchronized Page initial(String path, String calendarId, Instant from, Instant to, Integer pageSize, OutZone out) {
    State empty = new State(calendarId, from, to, Map.of(), -1, List.of(), generation, out);
    return round(path, empty, pageSize, out);
  }

  synchronized Page next(String path, String deltaToken, String skipToken, Integer pageSize, String initialQuery) {
    if (skipToken != null) {
      Pending pending = skipTokens.remove(skipToken);
      if (pending == null || pending.after.generation != generation) {
        throw invalid(path, pending == null ? initialQuery : query(pending.after));
      }
      return page(path, pending);
    }
    State state = deltaTokens.get(deltaToken);
    if (state == null || state.generation != generation) {
      throw invalid(path, state == null ? initialQuery : query(state));
    }
    return round(path, state, pageSize, state.out);
  }

  /** The initial request's window, as the Location of a 410 repeats it. */
  private static String query(State state) {
    return "startDateTime=" + state.from + "&endDateTime=" + state.to;
  }

  private EmuException invalid(String path, String initialQuery) {
    return switch (invalidMode) {
      case "syncStateNotFound" -> new EmuException(syncStateNotFoundStatus, "syncStateNotFound",
          "The sync state generation is not found. The delta token is expired and data must be synchronized again.");
      case "resyncRequired" -> new EmuException(410, "resyncRequired",
          "The delta token is no longer valid, and the app must reset the sync state.");
      default -> new EmuException(410, "syncStateInvalid", "The delta token is no longer valid.",
          Map.of("Location", path + "?" + initialQuery + "&$deltatoken="));
    };
  }

  private Page round(String path, State state, Integer pageSize, OutZone out) {
    List<EmuInstance> now = mailbox.view(state.calendarId, state.from, state.to);
    Map<String, String> snapshot = new HashMap<>();
    List<JsonObject> items = new ArrayList<>();
    for (EmuInstance i : now) {
      snapshot.put(i.id(), i.changeKey());
      if (!i.changeKey().equals(state.snapshot.get(i.id()))) {
        items.add(mailbox.instanceJson(i, out));
      }
    }
    Set<String> removed = new LinkedHashSet<>(state.snapshot.keySet());
    removed.removeAll(snapshot.keySet());
    if (reportOutOfRangeAsRemoved && state.seq >= 0) {
      removed.addAll(mailbox.changedOutside(state.calendarId, state.from, state.to, state.seq));
      removed.removeAll(snapshot.keySet());
    }
    for (String id : removed) {
      items.add(new JsonObject().put("@odata.type", "#microsoft.graph.event").put("id", id)
          .put("@removed", new JsonObject().put("reason", "deleted")));
    }
    if (replayOnNextRound) {
      // A replay repeats a change the client already has; it never brings back an older version.
      for (JsonObject old : state.lastRound) {
        String id = old.getString("id");
        boolean stillTrue = old.containsKey("@removed")
            ? !snapshot.containsKey(id)
            : old.getString("changeKey").equals(snapshot.get(id));
        if (stillTrue) {
          items.add(old);
        }
      }
    }
    if (shuffle) {
      Collections.shuffle(items, random);
    }
    int size = Math.max(1, pageSize == null ? defaultPageSize : pageSize);
    List<List<JsonObject>> pages = new ArrayList<>();
    for (int i = 0; i < items.size(); i += size) {
      List<JsonObject> page = new ArrayList<>(items.subList(i, Math.min(items.size(), i + size)));
      if (duplicateAcrossPages && i > 0) {
        page.add(items.get(i - 1));
      }
      pages.add(page);
    }
    if (pages.isEmpty()) {
      pages.add(List.of());
    }
    State after = new State(state.calendarId, state.from, state.to, snapshot, mailbox.seq(),
        List.copyOf(items), generation, out);
    return page(path, new Pending(pages, 0, after));
  }

  private Page page(String path, Pending pending) {
    JsonArray value = new JsonArray(new ArrayList<>(pending.pages.get(pending.next)));
    if (pending.next + 1 < pending.pages.size()) {
      String skip = EmuMailbox.opaqueId();
      skipTokens.put(skip, new Pending(pending.pages, pending.next + 1, pending.after));
      return new Page(value, path + "?$skiptoken=" + skip, null);
    }
    String delta = EmuMailbox.opaqueId();
    deltaTokens.put(delta, pending.after);
    return new Page(value, null, path + "?$deltatoken=" + delta);
  }

  synchronized void reset() {
    deltaTokens.clear();
    skipTokens.clear();
    generation++;
    invalidMode = "410Location";
    duplicateAcrossPages = false;
    replayOnNextRound = false;
    reportOutOfRangeAsRemoved = false;
  }
}
