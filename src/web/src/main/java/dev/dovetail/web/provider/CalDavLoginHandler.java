package dev.dovetail.web.provider;

import dev.dovetail.account.port.in.ManageCredentials;
import dev.dovetail.web.http.ApiProblem;
import dev.dovetail.web.http.Caller;
import dev.dovetail.web.http.Requests;
import dev.dovetail.web.http.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/v1/caldav-login}: whether the provider's account password also logs calendar apps in over CalDAV, or
 * only app passwords do.
 */
public final class CalDavLoginHandler {

  private static final String FIELD = "accountPasswordAllowed";

  private final ManageCredentials credentials;

  public CalDavLoginHandler(ManageCredentials credentials) {
    this.credentials = credentials;
  }

  public void get(RoutingContext ctx) {
    Responses.respond(ctx, credentials.calDavPasswordLogin(Caller.providerId(ctx)), 200, CalDavLoginHandler::toJson);
  }

  public void put(RoutingContext ctx) {
    Object allowed = Requests.body(ctx).getValue(FIELD);
    if (!(allowed instanceof Boolean value)) {
      throw ApiProblem.badRequest("'" + FIELD + "' must be true or false");
    }
    String providerId = Caller.providerId(ctx);
    Responses.respond(ctx, credentials.setCalDavPasswordLogin(providerId, value).map(value), 200,
        CalDavLoginHandler::toJson);
  }

  private static JsonObject toJson(boolean allowed) {
    return new JsonObject().put(FIELD, allowed);
  }
}
