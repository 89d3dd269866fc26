package dev.dovetail.web;

import dev.dovetail.account.domain.Credential;
import dev.dovetail.kernel.RouteOrder;
import dev.dovetail.web.account.AccountHandler;
import dev.dovetail.web.account.CalDavLoginHandler;
import dev.dovetail.web.account.CredentialsHandler;
import dev.dovetail.web.account.EmbedSettingsHandler;
import dev.dovetail.web.account.InvitationsHandler;
import dev.dovetail.web.account.LoginHandler;
import dev.dovetail.web.account.MeHandler;
import dev.dovetail.web.account.SignUpHandler;
import dev.dovetail.web.booking.BookingIcsHandler;
import dev.dovetail.web.booking.BookingsHandler;
import dev.dovetail.web.booking.CreateBookingHandler;
import dev.dovetail.web.booking.ManageBookingHandler;
import dev.dovetail.web.booking.ProviderCalendarHandler;
import dev.dovetail.web.booking.SlotsHandler;
import dev.dovetail.web.calendar.CalendarConnectionsHandler;
import dev.dovetail.web.calendar.SubscriptionHandler;
import dev.dovetail.web.catalog.AvailabilityHandler;
import dev.dovetail.web.catalog.BookingTypesHandler;
import dev.dovetail.web.catalog.OfferHandler;
import dev.dovetail.web.catalog.ResourcesHandler;
import dev.dovetail.web.http.BodyLimits;
import dev.dovetail.web.http.CallerAuthHandler;
import dev.dovetail.web.http.ClientAddressHandler;
import dev.dovetail.web.http.ContractLoader;
import dev.dovetail.web.http.CsrfHandler;
import dev.dovetail.web.http.ErrorMapper;
import dev.dovetail.web.http.Operations;
import dev.dovetail.web.http.RateLimitHandler;
import dev.dovetail.web.http.SecurityHeadersHandler;
import dev.dovetail.web.insights.InsightsHandler;
import dev.dovetail.web.notification.NotificationsHandler;
import dev.dovetail.web.ops.HealthHandler;
import dev.dovetail.web.ops.OpenApiDocumentHandler;
import dev.dovetail.web.pages.PagesRouter;
import dev.dovetail.web.payment.PaymentHandler;
import dev.dovetail.web.payment.ProviderPaymentHandler;
import dev.dovetail.web.waitlist.ProviderWaitlistHandler;
import dev.dovetail.web.waitlist.WaitlistHandler;
import dev.dovetail.web.webhook.WebhooksHandler;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the API router from the OpenAPI contract. Every request runs the same root chain, in Vert.x's handler order:
 * rate limit (open operations), session, security headers, bounded body, authentication (protected operations),
 * CSRF (session calls that change state); then the operation's own route: contract validation, then its handler.
 * Every operation of the contract must have a handler and every handler an operation, or building fails. One {@link
 * ErrorMapper} renders every failure.
 */
public final class ApiRouter {

  public static final String CONTRACT = "openapi.yaml";
  static final long SESSION_TIMEOUT_MS = 2 * 60 * 60 * 1000L;
  private static final List<Integer> ERROR_STATUSES = List.of(400, 401, 403, 404, 405, 406, 413, 414, 415, 429, 431,
      500, 501, 503);

  private ApiRouter() {}

  public static Future<Router> create(Vertx vertx, Services services, WebOptions options, Clock clock) {
    return vertx.fileSystem().readFile(CONTRACT)
        .compose(yaml -> vertx.executeBlocking(() -> ContractLoader.parse(yaml))
            .compose(document -> ContractLoader.load(vertx, document)
                .map(contract -> build(vertx, services, options, clock, contract, document, yaml))));
  }

  static Router build(Vertx vertx, Services services, WebOptions options, Clock clock, OpenAPIContract contract,
      JsonObject document, Buffer yaml) {
    Operations operations = new Operations(contract, document, PagesRouter.OPEN_PATHS);
    SessionHandler sessions = SessionHandler.create(options.sessionStore())
        .setSessionCookieName(CallerAuthHandler.SESSION_COOKIE)
        .setSessionCookiePath("/")
        .setCookieHttpOnlyFlag(true)
        .setCookieSecureFlag(options.secureCookies())
        .setCookieSameSite(CookieSameSite.STRICT)
        .setSessionTimeout(SESSION_TIMEOUT_MS)
        .setLazySession(true);
    RateLimitHandler limiter = new RateLimitHandler(operations, options.publicRequestsPerMinute(), clock);
    RouterBuilder builder = RouterBuilder.create(vertx, contract, RequestExtractor.withBodyHandler())
        .rootHandler(limiter)
        .rootHandler(sessions)
        .rootHandler(new SecurityHeadersHandler(options.secureCookies()))
        .rootHandler(new BodyLimits(options.maxBodyBytes()))
        .rootHandler(new CallerAuthHandler(operations, services.accounts().authenticate(), options.sessionSeal()))
        .rootHandler(new CsrfHandler());

    Map<String, Handler<RoutingContext>> handlers = handlers(vertx, services, options, sessions, yaml, clock);
    for (OpenAPIRoute route : builder.getRoutes()) {
      String operationId = route.getOperation().getOperationId();
      Handler<RoutingContext> handler = handlers.remove(operationId);
      if (handler == null) {
        throw new IllegalStateException("no handler for operation " + operationId);
      }
      // Authentication is done by the root chain for every route, before validation; see CallerAuthHandler.
      route.setDoSecurity(false).setDoValidation(true).addHandler(handler);
    }
    if (!handlers.isEmpty()) {
      throw new IllegalStateException("handlers for operations the contract lacks: " + handlers.keySet());
    }
    Router router = builder.createRouter();
    // Before everything mounted on this router (RouteOrder lists the whole chain).
    router.route().order(RouteOrder.CLIENT_ADDRESS).handler(new ClientAddressHandler(options.trustedProxies()));
    // The HTML pages and their assets, behind the same root chain; before the catch-all failure handler below.
    PagesRouter.mount(router, services, options.signUp(), options.publicUrl(), clock);
    ErrorMapper errors = new ErrorMapper(options.secureCookies());
    router.route().failureHandler(errors);
    ERROR_STATUSES.forEach(status -> router.errorHandler(status, errors));
    return router;
  }

  /**
   * Puts the unauthenticated routes mounted outside the contract ({@code GET /webcal/...}, {@code POST /hooks/...})
   * under a per-client-address budget of {@code publicRequestsPerMinute}, one token a request (its own buckets).
   */
  public static Router limitUnauthenticatedRoutes(Router router, WebOptions options, Clock clock) {
    RateLimitHandler limiter = new RateLimitHandler(null, options.publicRequestsPerMinute(), clock);
    router.get("/webcal/*").order(RouteOrder.PUBLIC_RATE_LIMIT).handler(ctx -> limiter.consume(ctx, 1));
    router.post("/hooks/*").order(RouteOrder.PUBLIC_RATE_LIMIT).handler(ctx -> limiter.consume(ctx, 1));
    return router;
  }

  private static Map<String, Handler<RoutingContext>> handlers(
      Vertx vertx, Services s, WebOptions options, SessionHandler sessions, Buffer document, Clock clock) {
    HealthHandler health = new HealthHandler(vertx, s.storeHealth());
    OpenApiDocumentHandler contract = new OpenApiDocumentHandler(document);
    OfferHandler offer = new OfferHandler(s.booking().publicCatalog(), s.payments().provider().takesCardPayments());
    SlotsHandler slots = new SlotsHandler(s.booking().availability());
    CreateBookingHandler book = new CreateBookingHandler(s.booking().bookSlot());
    ManageBookingHandler manage = new ManageBookingHandler(s.booking().manage(), s.payments().customer());
    BookingIcsHandler ics = new BookingIcsHandler(s.booking().manage(), s.booking().publicCatalog(), clock);
    SignUpHandler signUp = new SignUpHandler(s.accounts().registration(), options.signUp());
    InvitationsHandler invitations = new InvitationsHandler(options.signUp());
    LoginHandler login = new LoginHandler(s.accounts().authenticate(), sessions, options.sessionSeal());
    MeHandler me = new MeHandler(s.booking().catalog(), s.payments().provider());
    AccountHandler account = new AccountHandler(s.accounts().settings(), s.payments().provider());
    ResourcesHandler resources = new ResourcesHandler(s.booking().catalog());
    AvailabilityHandler availability = new AvailabilityHandler(s.booking().catalog());
    BookingTypesHandler types = new BookingTypesHandler(s.booking().catalog(), s.payments().provider());
    BookingsHandler bookings = new BookingsHandler(s.booking().providerBookings(), s.payments().provider());
    CredentialsHandler apiTokens = new CredentialsHandler(s.accounts().credentials(), Credential.Kind.API_TOKEN);
    CredentialsHandler appPasswords = new CredentialsHandler(s.accounts().credentials(), Credential.Kind.APP_PASSWORD);
    NotificationsHandler notifications = new NotificationsHandler(s.notifications());
    WaitlistHandler waitlist = new WaitlistHandler(s.waitlist().customer());
    ProviderWaitlistHandler providerWaitlist = new ProviderWaitlistHandler(s.waitlist().provider());

    PaymentHandler payment = new PaymentHandler(s.payments().customer());
    ProviderPaymentHandler providerPayment = new ProviderPaymentHandler(s.payments().provider());
    CalendarConnectionsHandler calendars = new CalendarConnectionsHandler(s.calendarConnections(), options.secureCookies());

    Map<String, Handler<RoutingContext>> map = new LinkedHashMap<>();
    map.put("getHealth", health::alive);
    map.put("getReadiness", health::ready);
    map.put("getOpenApiDocument", contract::get);
    map.put("getOffer", offer::get);
    map.put("listSlots", slots::list);
    map.put("createBooking", book::create);
    map.put("getManagedBooking", manage::get);
    map.put("cancelManagedBooking", manage::cancel);
    map.put("rescheduleManagedBooking", manage::reschedule);
    map.put("getManagedBookingIcs", ics::get);
    map.put("signUp", signUp::signUp);
    map.put("issueInvitation", invitations::issue);
    map.put("login", login::login);
    map.put("logout", login::logout);
    map.put("getCsrfToken", login::csrf);
    map.put("getMe", me::get);
    map.put("updateMe", account::updateMe);
    map.put("changePassword", account::changePassword);
    map.put("setLogo", account::setLogo);
    map.put("removeLogo", account::removeLogo);
    EmbedSettingsHandler embedSettings =
        new EmbedSettingsHandler(s.booking().catalog(), s.accounts().settings(), options.publicUrl());
    map.put("getEmbedSettings", embedSettings::get);
    map.put("updateEmbedSettings", embedSettings::update);
    map.put("requestPasswordReset", account::requestPasswordReset);
    map.put("resetPassword", account::resetPassword);
    map.put("listResources", resources::list);
    map.put("createResource", resources::create);
    map.put("getResource", resources::get);
    map.put("updateResource", resources::update);
    map.put("deleteResource", resources::delete);
    map.put("setAvailability", availability::set);
    SubscriptionHandler subscription = new SubscriptionHandler(s.calendarFeed(), options.publicUrl());
    map.put("getSubscription", subscription::get);
    map.put("issueCalendarFeed", subscription::issueFeed);
    map.put("revokeCalendarFeed", subscription::revokeFeed);
    map.put("listBookingTypes", types::list);
    map.put("createBookingType", types::create);
    map.put("getBookingType", types::get);
    map.put("updateBookingType", types::update);
    map.put("deleteBookingType", types::delete);
    map.put("listBookings", bookings::list);
    map.put("getBooking", bookings::get);
    map.put("cancelBooking", bookings::cancel);
    map.put("rescheduleBooking", bookings::reschedule);
    ProviderCalendarHandler calendar = new ProviderCalendarHandler(s.providerCalendar());
    map.put("getSchedule", calendar::schedule);
    map.put("createProviderBooking", calendar::book);
    InsightsHandler insights = new InsightsHandler(s.insights());
    map.put("getInsights", insights::insights);
    map.put("exportBookingsCsv", insights::bookingsCsv);
    map.put("listApiTokens", apiTokens::list);
    map.put("issueApiToken", apiTokens::issue);
    map.put("revokeApiToken", apiTokens::revoke);
    map.put("listAppPasswords", appPasswords::list);
    map.put("issueAppPassword", appPasswords::issue);
    map.put("revokeAppPassword", appPasswords::revoke);
    CalDavLoginHandler calDavLogin = new CalDavLoginHandler(s.accounts().credentials(), options.publicUrl());
    map.put("getCalDavLogin", calDavLogin::get);
    map.put("setCalDavLogin", calDavLogin::put);
    map.put("listNotifications", notifications::list);
    map.put("getNotification", notifications::get);
    map.put("getNotificationFigures", notifications::figures);
    map.put("joinWaitlist", waitlist::join);
    map.put("leaveWaitlist", waitlist::leave);
    map.put("claimWaitlistOffer", waitlist::claim);
    map.put("getWaitlistOffer", waitlist::heldOffer);
    map.put("listWaitlistEntries", providerWaitlist::list);
    map.put("removeWaitlistEntry", providerWaitlist::remove);
    map.put("offerWaitlistSlot", providerWaitlist::offer);
    map.put("getWaitlistReport", providerWaitlist::report);
    map.put("getWaitlistSettings", providerWaitlist::settings);
    map.put("updateWaitlistSettings", providerWaitlist::updateSettings);
    map.put("startPayment", payment::start);
    map.put("getManagedPayment", payment::get);
    map.put("getPaymentSettings", providerPayment::settings);
    map.put("updatePaymentSettings", providerPayment::updateSettings);
    map.put("getBookingPayment", providerPayment::get);
    map.put("captureBookingPayment", providerPayment::capture);
    map.put("markNoShow", providerPayment::noShow);
    map.put("refundBookingPayment", providerPayment::refund);
    map.put("resendConfirmation", notifications::resendConfirmation);
    map.put("listCalendarConnections", calendars::list);
    map.put("connectCalendar", calendars::connect);
    map.put("completeCalendarConnection", calendars::callback);
    map.put("listExternalCalendars", calendars::calendars);
    map.put("chooseCalendars", calendars::choose);
    map.put("disconnectCalendar", calendars::disconnect);
    WebhooksHandler webhooks = new WebhooksHandler(s.webhooks());
    map.put("listWebhookEndpoints", webhooks::list);
    map.put("createWebhookEndpoint", webhooks::create);
    map.put("getWebhookEndpoint", webhooks::get);
    map.put("updateWebhookEndpoint", webhooks::update);
    map.put("deleteWebhookEndpoint", webhooks::delete);
    map.put("rotateWebhookSecret", webhooks::rotateSecret);
    map.put("sendWebhookTest", webhooks::sendTest);
    map.put("listWebhookDeliveries", webhooks::deliveries);
    map.put("redeliverWebhook", webhooks::redeliver);
    map.put("listEvents", webhooks::feed);
    return map;
  }
}
