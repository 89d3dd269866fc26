package dev.dovetail.web;

import dev.dovetail.account.domain.Credential;
import dev.dovetail.booking.port.in.ManageCatalog;
import dev.dovetail.booking.port.in.ProviderCalendar;
import dev.dovetail.calendar.port.in.ShareCalendarFeed;
import dev.dovetail.insights.port.in.ProviderInsights;
import dev.dovetail.notification.port.in.NotificationLog;
import dev.dovetail.payment.port.in.ProviderPayments;
import dev.dovetail.sync.port.in.ManageConnections;
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
import dev.dovetail.web.http.OperationHandlers;
import dev.dovetail.web.insights.InsightsHandler;
import dev.dovetail.web.notification.NotificationsHandler;
import dev.dovetail.web.ops.HealthHandler;
import dev.dovetail.web.ops.OpenApiDocumentHandler;
import dev.dovetail.web.payment.PaymentHandler;
import dev.dovetail.web.payment.ProviderPaymentHandler;
import dev.dovetail.web.waitlist.ProviderWaitlistHandler;
import dev.dovetail.web.waitlist.WaitlistHandler;
import dev.dovetail.web.webhook.WebhooksHandler;
import dev.dovetail.webhook.port.in.ManageWebhookEndpoints;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.handler.SessionHandler;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Every operation of the contract to its handler, by operation id, feature by feature: each feature's handlers are
 * built from the use cases it drives, then registered under the operation ids of {@code openapi.yaml}. {@link
 * OperationHandlers} refuses an operation registered twice, and {@link ApiRouter} fails to build unless every
 * operation has a handler and every handler an operation.
 */
final class ApiOperations {

  private ApiOperations() {}

  static OperationHandlers of(Vertx vertx, Services s, WebOptions options, SessionHandler sessions, Buffer contract,
      Clock clock) {
    OperationHandlers operations = new OperationHandlers();
    ops(operations, vertx, s.storeHealth(), contract);
    account(operations, s.accounts(), s.booking().catalog(), s.payments().provider(), options, sessions);
    catalog(operations, s.booking(), s.payments().provider());
    booking(operations, s.booking(), s.payments(), s.providerCalendar(), clock);
    calendar(operations, s.calendarFeed(), s.calendarConnections(), options);
    insights(operations, s.insights());
    notifications(operations, s.notifications());
    waitlist(operations, s.waitlist());
    payments(operations, s.payments());
    webhooks(operations, s.webhooks());
    return operations;
  }

  /** Operations for running the hub: liveness, readiness and the contract itself. */
  private static void ops(OperationHandlers operations, Vertx vertx, Supplier<Future<Void>> storeHealth,
      Buffer contract) {
    HealthHandler health = new HealthHandler(vertx, storeHealth);
    OpenApiDocumentHandler document = new OpenApiDocumentHandler(contract);
    operations
        .on("getHealth", health::alive)
        .on("getReadiness", health::ready)
        .on("getOpenApiDocument", document::get);
  }

  /**
   * Account: sign-up and invitations, log-in and log-out, the provider's profile, password, logo and embed settings,
   * API tokens, app passwords and the CalDAV login.
   */
  private static void account(OperationHandlers operations, Services.Accounts accounts, ManageCatalog catalog,
      ProviderPayments payments, WebOptions options, SessionHandler sessions) {
    SignUpHandler signUp = new SignUpHandler(accounts.registration(), options.signUp());
    InvitationsHandler invitations = new InvitationsHandler(options.signUp());
    LoginHandler login = new LoginHandler(accounts.authenticate(), sessions, options.sessionSeal());
    MeHandler me = new MeHandler(catalog, payments);
    AccountHandler account = new AccountHandler(accounts.settings(), payments);
    EmbedSettingsHandler embed = new EmbedSettingsHandler(catalog, accounts.settings(), options.publicUrl());
    CredentialsHandler apiTokens = new CredentialsHandler(accounts.credentials(), Credential.Kind.API_TOKEN);
    CredentialsHandler appPasswords = new CredentialsHandler(accounts.credentials(), Credential.Kind.APP_PASSWORD);
    CalDavLoginHandler calDavLogin = new CalDavLoginHandler(accounts.credentials(), options.publicUrl());
    operations
        .on("signUp", signUp::signUp)
        .on("issueInvitation", invitations::issue)
        .on("login", login::login)
        .on("logout", login::logout)
        .on("getCsrfToken", login::csrf)
        .on("getMe", me::get)
        .on("updateMe", account::updateMe)
        .on("changePassword", account::changePassword)
        .on("setLogo", account::setLogo)
        .on("removeLogo", account::removeLogo)
        .on("requestPasswordReset", account::requestPasswordReset)
        .on("resetPassword", account::resetPassword)
        .on("getEmbedSettings", embed::get)
        .on("updateEmbedSettings", embed::update)
        .on("listApiTokens", apiTokens::list)
        .on("issueApiToken", apiTokens::issue)
        .on("revokeApiToken", apiTokens::revoke)
        .on("listAppPasswords", appPasswords::list)
        .on("issueAppPassword", appPasswords::issue)
        .on("revokeAppPassword", appPasswords::revoke)
        .on("getCalDavLogin", calDavLogin::get)
        .on("setCalDavLogin", calDavLogin::put);
  }

  /** Catalog: the public offer, and the provider's resources, availability and booking types. */
  private static void catalog(OperationHandlers operations, Services.Booking booking, ProviderPayments payments) {
    OfferHandler offer = new OfferHandler(booking.publicCatalog(), payments.takesCardPayments());
    ResourcesHandler resources = new ResourcesHandler(booking.catalog());
    AvailabilityHandler availability = new AvailabilityHandler(booking.catalog());
    BookingTypesHandler types = new BookingTypesHandler(booking.catalog(), payments);
    operations
        .on("getOffer", offer::get)
        .on("listResources", resources::list)
        .on("createResource", resources::create)
        .on("getResource", resources::get)
        .on("updateResource", resources::update)
        .on("deleteResource", resources::delete)
        .on("setAvailability", availability::set)
        .on("listBookingTypes", types::list)
        .on("createBookingType", types::create)
        .on("getBookingType", types::get)
        .on("updateBookingType", types::update)
        .on("deleteBookingType", types::delete);
  }

  /** Booking: the customer's (slots, book, manage) and the provider's (bookings, calendar). */
  private static void booking(OperationHandlers operations, Services.Booking booking, Services.Payments payments,
      ProviderCalendar providerCalendar, Clock clock) {
    SlotsHandler slots = new SlotsHandler(booking.availability());
    CreateBookingHandler book = new CreateBookingHandler(booking.bookSlot());
    ManageBookingHandler manage = new ManageBookingHandler(booking.manage(), payments.customer());
    BookingIcsHandler ics = new BookingIcsHandler(booking.manage(), booking.publicCatalog(), clock);
    BookingsHandler bookings = new BookingsHandler(booking.providerBookings(), payments.provider());
    ProviderCalendarHandler calendar = new ProviderCalendarHandler(providerCalendar);
    operations
        .on("listSlots", slots::list)
        .on("createBooking", book::create)
        .on("getManagedBooking", manage::get)
        .on("cancelManagedBooking", manage::cancel)
        .on("rescheduleManagedBooking", manage::reschedule)
        .on("getManagedBookingIcs", ics::get)
        .on("listBookings", bookings::list)
        .on("getBooking", bookings::get)
        .on("cancelBooking", bookings::cancel)
        .on("rescheduleBooking", bookings::reschedule)
        .on("getSchedule", calendar::schedule)
        .on("createProviderBooking", calendar::book);
  }

  /** Calendar: the provider's calendar feed (subscription) and the connected external calendars. */
  private static void calendar(OperationHandlers operations, ShareCalendarFeed feed, ManageConnections connections,
      WebOptions options) {
    SubscriptionHandler subscription = new SubscriptionHandler(feed, options.publicUrl());
    CalendarConnectionsHandler calendars = new CalendarConnectionsHandler(connections, options.secureCookies());
    operations
        .on("getSubscription", subscription::get)
        .on("issueCalendarFeed", subscription::issueFeed)
        .on("revokeCalendarFeed", subscription::revokeFeed)
        .on("listCalendarConnections", calendars::list)
        .on("connectCalendar", calendars::connect)
        .on("completeCalendarConnection", calendars::callback)
        .on("listExternalCalendars", calendars::calendars)
        .on("chooseCalendars", calendars::choose)
        .on("disconnectCalendar", calendars::disconnect);
  }

  /** Insights: the provider's figures and the bookings export. */
  private static void insights(OperationHandlers operations, ProviderInsights insights) {
    InsightsHandler handler = new InsightsHandler(insights);
    operations
        .on("getInsights", handler::insights)
        .on("exportBookingsCsv", handler::bookingsCsv);
  }

  /** Notifications: the provider's log of sent mail, its figures, and resending a confirmation. */
  private static void notifications(OperationHandlers operations, NotificationLog log) {
    NotificationsHandler notifications = new NotificationsHandler(log);
    operations
        .on("listNotifications", notifications::list)
        .on("getNotification", notifications::get)
        .on("getNotificationFigures", notifications::figures)
        .on("resendConfirmation", notifications::resendConfirmation);
  }

  /** Waitlist: the customer's (join, leave, claim an offer) and the provider's (entries, settings). */
  private static void waitlist(OperationHandlers operations, Services.Waitlists waitlists) {
    WaitlistHandler customer = new WaitlistHandler(waitlists.customer());
    ProviderWaitlistHandler provider = new ProviderWaitlistHandler(waitlists.provider());
    operations
        .on("joinWaitlist", customer::join)
        .on("leaveWaitlist", customer::leave)
        .on("claimWaitlistOffer", customer::claim)
        .on("getWaitlistOffer", customer::heldOffer)
        .on("listWaitlistEntries", provider::list)
        .on("removeWaitlistEntry", provider::remove)
        .on("offerWaitlistSlot", provider::offer)
        .on("getWaitlistReport", provider::report)
        .on("getWaitlistSettings", provider::settings)
        .on("updateWaitlistSettings", provider::updateSettings);
  }

  /** Payments: the customer's (pay, see the payment) and the provider's (settings, capture, refund). */
  private static void payments(OperationHandlers operations, Services.Payments payments) {
    PaymentHandler customer = new PaymentHandler(payments.customer());
    ProviderPaymentHandler provider = new ProviderPaymentHandler(payments.provider());
    operations
        .on("startPayment", customer::start)
        .on("getManagedPayment", customer::get)
        .on("getPaymentSettings", provider::settings)
        .on("updatePaymentSettings", provider::updateSettings)
        .on("getBookingPayment", provider::get)
        .on("captureBookingPayment", provider::capture)
        .on("markNoShow", provider::noShow)
        .on("refundBookingPayment", provider::refund);
  }

  /** Webhooks: the provider's endpoints, their deliveries, and the event feed. */
  private static void webhooks(OperationHandlers operations, ManageWebhookEndpoints endpoints) {
    WebhooksHandler webhooks = new WebhooksHandler(endpoints);
    operations
        .on("listWebhookEndpoints", webhooks::list)
        .on("createWebhookEndpoint", webhooks::create)
        .on("getWebhookEndpoint", webhooks::get)
        .on("updateWebhookEndpoint", webhooks::update)
        .on("deleteWebhookEndpoint", webhooks::delete)
        .on("rotateWebhookSecret", webhooks::rotateSecret)
        .on("sendWebhookTest", webhooks::sendTest)
        .on("listWebhookDeliveries", webhooks::deliveries)
        .on("redeliverWebhook", webhooks::redeliver)
        .on("listEvents", webhooks::feed);
  }
}
