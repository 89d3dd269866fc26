package dev.dovetail.web.account;

import dev.dovetail.account.port.in.ManageCredentials;
import dev.dovetail.web.http.ApiProblem;
import dev.dovetail.web.http.Caller;
import dev.dovetail.web.http.Requests;
import dev.dovetail.web.http.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/v1/caldav-login}: whether the provider's account password also logs calendar apps in over CalDAV, or
 * only app passwords do; with the server address (under the hub's public URL) and user name to give a calendar app.
 */
public final class CalDavLoginHandler {

  private static final String FIELD = "accountPasswordAllowed";

  private final ManageCredentials credentials;
  private final String publicUrl;

  /** @param publicUrl the hub's public URL, where calendar apps reach its CalDAV server */
  public CalDavLoginHandler(ManageCredentials credentials, String publicUrl) {
    this.credentials = credentials;
    this.publicUrl = publicUrl;
  }

  public void get(RoutingContext ctx) {
    String providerId = Caller.providerId(ctx);
    Responses.respond(ctx, credentials.calDavPasswordLogin(providerId), 200, allowed -> toJson(providerId, allowed));
  }

  public void put(RoutingContext ctx) {
    Object allowed = Requests.body(ctx).getValue(FIELD);
    if (!(allowed instanceof Boolean value)) {
      throw ApiProblem.badRequest("'" + FIELD + "' must be true or false");
    }
    String providerId = Caller.providerId(ctx);
    Responses.respond(ctx, credentials.setCalDavPasswordLogin(providerId, value).map(value), 200,
        stored -> toJson(providerId, stored));
  }

  /** The setting, with the server address and user name a calendar app needs. */
  private JsonObject toJson(String providerId, boolean allowed) {
    return new JsonObject().put(FIELD, allowed).put("serverUrl", publicUrl + "/").put("login", providerId);
  }
}
