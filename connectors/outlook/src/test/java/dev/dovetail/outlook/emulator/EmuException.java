package dev.dovetail.outlook.emulator;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/** A Graph error answer: status, the {@code error.code} and message, and extra headers (Location, Retry-After). */
final class EmuException extends RuntimeException {

  final int status;
  final String code;
  final Map<String, String> headers;

  EmuException(int status, String code, String message) {
    this(status, code, message, Map.of());
  }

  EmuException(int status, String code, String message, Map<String, String> headers) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }

  JsonObject body() {
    return new JsonObject().put("error", new JsonObject()
        .put("code", code)
        .put("message", getMessage())
        .put("innerError", new JsonObject().put("request-id", java.util.UUID.randomUUID().toString())));
  }
}
