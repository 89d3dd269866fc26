package dev.dovetail.infra.mongo.h2;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Whether a document comes back from mongo-java-server's BSON encoder and decoder equal to itself, with every value of
 * the same Java class (ADR 76). {@link BsonDocumentType} writes only such documents as BSON, every other one as before.
 *
 * <p>Exact, by class: {@code null}, {@link Integer}, {@link Long}, {@link Double} (its raw bits are written),
 * {@link Boolean}, {@link ObjectId}, {@link Decimal128}, {@link UUID}, {@link LegacyUUID}, {@link BinData},
 * {@link BsonTimestamp}, {@link MinKey} and {@link MaxKey} (read back as their single instances); {@link String} and
 * {@link BsonJavaScript} whose text is valid UTF-16 (UTF-8 would replace a lone surrogate); {@link Instant} of whole
 * milliseconds (BSON dates hold milliseconds); {@link Document} (this class exactly) whose field names have neither a
 * NUL (they are written NUL-terminated) nor a lone surrogate; and any {@link List}, read back as an
 * {@code ArrayList} (lists are only ever used through the interface, and {@code List.equals} ignores the class).
 * Everything else is not: {@code Date} and {@code Pattern} would come back as other classes, a
 * {@code BsonRegularExpression} (no {@code equals} of its own) and {@code Missing} (read back as {@code null}) would
 * not compare equal, a {@code Set} would become a list.
 */
final class ExactBson {

  /** Deeper than this is written the old way, so that checking and encoding never exhaust the stack. */
  static final int MAX_DEPTH = 100;

  private static final Set<Class<?>> EXACT_SCALARS = Set.of(Integer.class, Long.class, Double.class, Boolean.class,
      ObjectId.class, Decimal128.class, UUID.class, LegacyUUID.class, BinData.class, BsonTimestamp.class,
      MinKey.class, MaxKey.class);

  private ExactBson() {
  }

  /** Whether {@code document} round-trips through BSON exactly. */
  static boolean roundTrips(Document document) {
    return isExactDocument(document, 0);
  }

  private static boolean isExact(Object value, int depth) {
    if (value == null) {
      return true;
    }
    Class<?> type = value.getClass();
    if (type == String.class) {
      return isValidUtf16((String) value);
    } else if (EXACT_SCALARS.contains(type)) {
      return true;
    } else if (type == Instant.class) {
      return isWholeMillis((Instant) value);
    } else if (type == Document.class) {
      return isExactDocument((Document) value, depth + 1);
    } else if (value instanceof List<?> list) {
      return isExactList(list, depth + 1);
    } else if (type == BsonJavaScript.class) {
      return isValidUtf16(((BsonJavaScript) value).getCode());
    }
    return false;
  }

  private static boolean isExactDocument(Document document, int depth) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    for (Map.Entry<String, Object> field : document.entrySet()) {
      String name = field.getKey();
      if (name == null || name.indexOf('\0') >= 0 || !isValidUtf16(name) || !isExact(field.getValue(), depth)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isExactList(List<?> list, int depth) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    for (Object element : list) {
      if (!isExact(element, depth)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isWholeMillis(Instant instant) {
    if (instant.getNano() % 1_000_000 != 0) {
      return false;
    }
    try {
      instant.toEpochMilli();
      return true;
    } catch (ArithmeticException e) {
      return false;
    }
  }

  /** Whether every surrogate in {@code text} is half of a pair, so that UTF-8 carries it unchanged. */
  static boolean isValidUtf16(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
