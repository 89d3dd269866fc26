package dev.dovetail.stripe.emulator;

import io.vertx.core.json.JsonObject;

/** An error answer in Stripe's shape: {@code {"error": {type, code, message, param, ...}}} with its HTTP status. */
final class StripeError extends RuntimeException {

  final int status;
  final JsonObject error;

  StripeError(int status, String type, String code, String message, String param) {
    super(message);
    this.status = status;
    this.error = new JsonObject().put("type", type).put("message", message);
    if (code != null) {
      error.put("code", code);
    }
    if (param != null) {
      error.put("param", param);
    }
  }

  static StripeError invalid(String param, String message) {
    return new StripeError(400, "invalid_request_error", null, message, param);
  }

  StripeError code(String code) {
    error.put("code", code);
    return this;
  }

  StripeError with(String key, Object value) {
    error.put(key, value);
    return this;
  }

  JsonObject body() {
    return new JsonObject().put("error", error);
  }
}
