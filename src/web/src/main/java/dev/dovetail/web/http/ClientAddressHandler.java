package dev.dovetail.web.http;

import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;

/**
 * First handler of every request (API, pages, CalDAV, webcal, hooks): resolves the client address once through the
 * {@link TrustedProxies} and keeps it in the routing context under {@link #KEY}, where rate limits and login throttles
 * read it ({@link #of(RoutingContext)}).
 */
public final class ClientAddressHandler implements PlatformHandler {

  /** The routing-context key of the resolved client address (a string; CalDAV reads it under this name too). */
  public static final String KEY = "dovetail.clientAddress";

  private final TrustedProxies proxies;

  public ClientAddressHandler(TrustedProxies proxies) {
    this.proxies = proxies;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String peer = peer(ctx);
    ctx.put(KEY, proxies.isEmpty() ? peer : proxies.client(peer, ctx.request().headers().getAll("X-Forwarded-For")));
    ctx.next();
  }

  /** The resolved client address, or the TCP peer when this handler did not run. */
  public static String of(RoutingContext ctx) {
    String resolved = ctx.get(KEY);
    return resolved != null ? resolved : peer(ctx);
  }

  private static String peer(RoutingContext ctx) {
    SocketAddress peer = ctx.request().remoteAddress();
    return peer == null || peer.host() == null ? "unknown" : peer.host();
  }
}
