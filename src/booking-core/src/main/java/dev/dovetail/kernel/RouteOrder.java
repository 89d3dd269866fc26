package dev.dovetail.kernel;

/**
 * Where each module mounts its routes on the hub's one router, as Vert.x route orders (lower runs first). Every
 * module that mounts outside the OpenAPI contract takes its order from here, so two modules never pick the same
 * number and the whole chain reads top to bottom in one place. Routes from the contract and the pages come after
 * all of these (orders from 0 up, as Vert.x numbers them).
 */
public final class RouteOrder {

  /** The client's address (behind trusted proxies), before everything else reads it. */
  public static final int CLIENT_ADDRESS = -100_000;
  /** The per-address budget of the unauthenticated routes outside the contract (webcal feeds, push hooks). */
  public static final int PUBLIC_RATE_LIMIT = -99_999;
  /** The access log: request id and one line per request. */
  public static final int REQUEST_LOG = -40_001;
  /** The metrics observer of every request. */
  public static final int METRICS_OBSERVER = -40_000;
  /** The Prometheus scrape route. */
  public static final int METRICS = -39_999;
  /** Microsoft Graph change notifications. */
  public static final int OUTLOOK_HOOKS = -20_000;
  /** Stripe webhooks. */
  public static final int STRIPE_HOOKS = -19_900;
  /** Google Calendar push notifications. */
  public static final int GOOGLE_HOOKS = -19_800;
  /** The page a customer returns to after paying. */
  public static final int PAYMENT_PAGES = -19_700;
  /** The first CalDAV route; CalDAV numbers its own routes up from here. */
  public static final int CALDAV = -10_000;

  private RouteOrder() {}
}
