package dev.dovetail.web.http;

import dev.dovetail.account.port.in.AuthenticationException;
import dev.dovetail.account.port.in.ResetLinkInvalidException;
import dev.dovetail.account.port.in.SignUpClosedException;
import dev.dovetail.account.port.in.WrongPasswordException;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.ResourceBusyException;
import dev.dovetail.booking.domain.Slot;
import dev.dovetail.booking.domain.SlotUnavailableException;
import dev.dovetail.booking.domain.TooManyRequestsException;
import dev.dovetail.booking.port.in.SlotTakenException;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.NotFoundException;
import dev.dovetail.payment.domain.PaymentsUnavailableException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import java.time.DateTimeException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one failure handler: turns every failure of every route (and the router's own 404/405/413) into an RFC 9457
 * problem detail, {@code application/problem+json} with {@code type}, {@code title}, {@code status} and {@code
 * detail}. Domain exceptions know their meaning; anything unexpected is a 500 that is logged with its stack trace and
 * tells the client nothing about the inside.
 */
public final class ErrorMapper implements Handler<RoutingContext> {

  public static final String PROBLEM_JSON = "application/problem+json";
  private static final String TYPE_PREFIX = "urn:dovetail:problem:";
  private static final int MAX_VIOLATIONS = 10;
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  /** A rendered problem: status, type slug, title, detail, extra members and headers. */
  record Problem(int status, String type, String title, String detail, JsonObject extra, Map<String, String> headers) {

    Problem(int status, String type, String title, String detail) {
      this(status, type, title, detail, new JsonObject(), Map.of());
    }
  }

  private final boolean https;

  /** {@code https}: whether HSTS goes on answers that fail before the root chain set the security headers. */
  public ErrorMapper(boolean https) {
    this.https = https;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    Problem problem = toProblem(failure, ctx.statusCode());
    if (problem.status() >= 500) {
      // The route's template, never the path: paths carry manage, waitlist and webcal tokens.
      LOG.error("request " + LoggedRoute.of(ctx) + " failed with status "
          + ctx.statusCode(), failure);
    }
    HttpServerResponse response = ctx.response();
    if (response.headWritten()) {
      // Too late for a problem detail: the status line is gone. Cut the connection so the client sees a failure.
      response.reset();
      return;
    }
    JsonObject body = new JsonObject()
        .put("type", TYPE_PREFIX + problem.type())
        .put("title", problem.title())
        .put("status", problem.status())
        .put("detail", problem.detail());
    body.mergeIn(problem.extra());
    if (!response.headers().contains("Content-Security-Policy")) {
      // Refused before the root chain's security headers were set (the rate limit runs first): set them here.
      SecurityHeadersHandler.apply(response, https);
    }
    response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, PROBLEM_JSON);
    problem.headers().forEach(response::putHeader);
    response.end(body.toBuffer());
  }

  static Problem toProblem(Throwable failure, int status) {
    if (failure == null) {
      return byStatus(status);
    }
    if (failure instanceof HttpException e && e.getCause() != null && e.getCause() != e) {
      Problem inner = toProblem(e.getCause(), e.getStatusCode());
      return inner.status() >= 500 && e.getStatusCode() < 500 ? byStatus(e.getStatusCode()) : inner;
    }
    if (failure instanceof ApiProblem p) {
      return new Problem(p.status(), p.type(), p.title(), p.getMessage(), new JsonObject(), p.headers());
    }
    if (failure instanceof ValidatorException e) {
      if (e.getMessage() != null && e.getMessage().contains("can't be decoded")) {
        return new Problem(400, "malformed-json", "Malformed request body", "the request body is not valid JSON");
      }
      return new Problem(400, "invalid-request", "The request does not match the API contract", reason(e),
          violations(e), Map.of());
    }
    if (failure instanceof DecodeException) {
      return new Problem(400, "malformed-json", "Malformed JSON", "the request body is not valid JSON");
    }
    if (failure instanceof SlotUnavailableException e) {
      JsonArray alternatives = e instanceof SlotTakenException taken
          ? alternatives(taken.alternatives())
          : new JsonArray();
      return new Problem(409, "slot-unavailable", "The requested time is not available", e.getMessage(),
          new JsonObject().put("alternatives", alternatives), Map.of());
    }
    if (failure instanceof PaymentsUnavailableException) {
      return new Problem(503, "payments-unavailable", "Payments are not available", failure.getMessage());
    }
    if (failure instanceof ResourceBusyException) {
      return new Problem(503, "resource-busy", "Busy, try again in a moment", failure.getMessage(), new JsonObject(),
          Map.of("Retry-After", String.valueOf(ResourceBusyException.RETRY_AFTER_SECONDS)));
    }
    if (failure instanceof SignUpClosedException) {
      return new Problem(403, "sign-up-closed", "Sign-up not allowed", failure.getMessage());
    }
    if (failure instanceof ResetLinkInvalidException) {
      return new Problem(400, "reset-link-invalid", "This password-reset link cannot be used", failure.getMessage());
    }
    if (failure instanceof WrongPasswordException) {
      return new Problem(403, "current-password-wrong", "The current password is wrong", failure.getMessage());
    }
    if (failure instanceof TooManyRequestsException e) {
      return new Problem(429, "rate-limited", "Too many requests", e.getMessage(), new JsonObject(),
          Map.of("Retry-After", Long.toString(e.retryAfterSeconds())));
    }
    if (failure instanceof ConflictException) {
      return new Problem(409, "conflict", "Conflict with the current state", failure.getMessage());
    }
    if (failure instanceof NotFoundException) {
      return new Problem(404, "not-found", "Not found", failure.getMessage());
    }
    if (failure instanceof InvalidRequestException || failure instanceof IllegalArgumentException
        || failure instanceof DateTimeException) {
      return new Problem(400, "invalid-request", "The request is invalid", failure.getMessage());
    }
    if (failure instanceof AuthenticationException) {
      return new Problem(401, "unauthenticated", "Authentication required",
          "log in (session cookie) or send 'Authorization: Bearer <API token>'", new JsonObject(),
          Map.of("WWW-Authenticate", "Bearer realm=\"dovetail\""));
    }
    if (failure instanceof HttpException e && e.getStatusCode() < 500) {
      return byStatus(e.getStatusCode());
    }
    return internal();
  }

  private static Problem byStatus(int status) {
    switch (status) {
      case 400:
        return new Problem(400, "invalid-request", "The request is invalid", "the request could not be read");
      case 401:
        return new Problem(401, "unauthenticated", "Authentication required",
            "log in (session cookie) or send 'Authorization: Bearer <API token>'");
      case 403:
        return new Problem(403, "forbidden", "Forbidden", "this request is not allowed");
      case 404:
        return new Problem(404, "not-found", "Not found", "there is nothing at this path");
      case 405:
        return new Problem(405, "method-not-allowed", "Method not allowed", "this path does not take this method");
      case 413:
        return new Problem(413, "payload-too-large", "Request body too large",
            "the request body exceeds the limit of this API");
      case 415:
        return new Problem(415, "unsupported-media-type", "Unsupported media type", "send application/json");
      default:
        return status >= 400 && status < 500
            ? new Problem(status, "client-error", "Client error", "the request was refused")
            : internal();
    }
  }

  private static Problem internal() {
    return new Problem(500, "internal", "Internal server error",
        "the server failed to answer this request; the failure has been logged");
  }

  /** The validator's own message, which names the parameter or body property and the broken rule. */
  private static String reason(ValidatorException e) {
    String message = e.getMessage() == null ? "invalid request" : e.getMessage();
    return clip(message);
  }

  /** Each broken schema rule, {@code {"at":"/start","error":"..."}}, at most {@value #MAX_VIOLATIONS} of them. */
  private static JsonObject violations(ValidatorException e) {
    if (!(e instanceof SchemaValidationException schema) || schema.getOutputUnit() == null) {
      return new JsonObject();
    }
    JsonArray list = new JsonArray();
    collect(schema.getOutputUnit(), list);
    return list.isEmpty() ? new JsonObject() : new JsonObject().put("violations", list);
  }

  private static void collect(OutputUnit unit, JsonArray into) {
    if (into.size() >= MAX_VIOLATIONS) {
      return;
    }
    if (unit.getErrors() == null || unit.getErrors().isEmpty()) {
      if (unit.getError() != null) {
        into.add(new JsonObject().put("at", unit.getInstanceLocation()).put("error", clip(unit.getError())));
      }
      return;
    }
    unit.getErrors().forEach(child -> collect(child, into));
  }

  /** Alternatives offered with a 409: UTC instants only, since the refusing call may not know the viewer's zone. */
  private static JsonArray alternatives(List<Slot> slots) {
    JsonArray array = new JsonArray();
    slots.forEach(slot -> array.add(new JsonObject().put("start", slot.start().toString()).put("end", slot.end().toString())));
    return array;
  }

  private static String clip(String text) {
    return text.length() > 500 ? text.substring(0, 500) + "..." : text;
  }
}
