package dev.dovetail.web.http;

import dev.dovetail.account.domain.Principal;
import dev.dovetail.account.port.in.AuthenticationException;
import io.vertx.ext.web.RoutingContext;

/** The authenticated caller of a request, as set by {@link CallerAuthHandler}. */
public final class Caller {

  private static final String KEY = "dovetail.principal";

  private Caller() {}

  static void set(RoutingContext ctx, Principal principal) {
    ctx.put(KEY, principal);
  }

  /** The principal, or null on an anonymous request. */
  public static Principal principal(RoutingContext ctx) {
    return ctx.get(KEY);
  }

  /**
   * The caller's provider id (the tenant every provider-side call is scoped to). Throws {@link
   * AuthenticationException} when there is none, so a handler that is wired to an open route by mistake fails closed.
   */
  public static String providerId(RoutingContext ctx) {
    Principal principal = principal(ctx);
    if (principal == null) {
      throw new AuthenticationException();
    }
    return principal.providerId();
  }
}
