package dev.dovetail.web;

import dev.dovetail.account.port.in.Authenticate;
import dev.dovetail.account.port.in.ManageAccount;
import dev.dovetail.account.port.in.ManageCredentials;
import dev.dovetail.account.port.in.RegisterProvider;
import dev.dovetail.booking.port.in.BookSlot;
import dev.dovetail.booking.port.in.ListAvailability;
import dev.dovetail.booking.port.in.ManageBooking;
import dev.dovetail.booking.port.in.ManageCatalog;
import dev.dovetail.booking.port.in.ProviderBookings;
import dev.dovetail.booking.port.in.ProviderCalendar;
import dev.dovetail.booking.port.in.PublicCatalog;
import dev.dovetail.calendar.port.in.ShareCalendarFeed;
import dev.dovetail.insights.port.in.ProviderInsights;
import dev.dovetail.notification.port.in.NotificationLog;
import dev.dovetail.payment.port.in.CustomerPayments;
import dev.dovetail.payment.port.in.ProviderPayments;
import dev.dovetail.sync.port.in.ManageConnections;
import dev.dovetail.waitlist.port.in.ManageWaitlist;
import dev.dovetail.waitlist.port.in.Waitlist;
import dev.dovetail.web.auth.NoAccountSettings;
import dev.dovetail.web.calendar.NoCalendarSync;
import dev.dovetail.web.payment.NoPayments;
import dev.dovetail.web.provider.NoCalendarFeed;
import dev.dovetail.web.provider.NoInsights;
import dev.dovetail.web.provider.NoProviderCalendar;
import dev.dovetail.web.waitlist.NoWaitlist;
import dev.dovetail.web.webhook.NoWebhooks;
import dev.dovetail.webhook.port.in.ManageWebhookEndpoints;
import io.vertx.core.Future;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The use cases the HTTP API drives, the readiness probe for {@code GET /ready} (named for the store, which it always
 * asks; the hub adds the cluster), the notification log, and the
 * waitlist (customer and provider sides), and the provider's own account (profile, password change and reset).
 */
public record Services(
    ListAvailability availability,
    BookSlot bookSlot,
    ManageBooking manageBooking,
    ProviderBookings providerBookings,
    ManageCatalog catalog,
    PublicCatalog publicCatalog,
    Authenticate authenticate,
    ManageCredentials credentials,
    RegisterProvider registration,
    Supplier<Future<Void>> storeHealth,
    NotificationLog notifications,
    Waitlist waitlist,
    ManageWaitlist manageWaitlist,
    CustomerPayments customerPayments,
    ProviderPayments providerPayments,
    ManageConnections calendarConnections,
    ManageWebhookEndpoints webhooks,
    ManageAccount account,
    ProviderCalendar providerCalendar,
    ShareCalendarFeed calendarFeed,
    ProviderInsights insights) {

  /** Services without calendar feeds and insights: the subscription, the figures and the CSV export answer 503. */
  public Services(ListAvailability availability, BookSlot bookSlot, ManageBooking manageBooking,
      ProviderBookings providerBookings, ManageCatalog catalog, PublicCatalog publicCatalog, Authenticate authenticate,
      ManageCredentials credentials, RegisterProvider registration, Supplier<Future<Void>> storeHealth,
      NotificationLog notifications, Waitlist waitlist, ManageWaitlist manageWaitlist,
      CustomerPayments customerPayments, ProviderPayments providerPayments, ManageConnections calendarConnections,
      ManageWebhookEndpoints webhooks, ManageAccount account, ProviderCalendar providerCalendar) {
    this(availability, bookSlot, manageBooking, providerBookings, catalog, publicCatalog, authenticate, credentials,
        registration, storeHealth, notifications, waitlist, manageWaitlist, customerPayments, providerPayments,
        calendarConnections, webhooks, account, providerCalendar, new NoCalendarFeed(catalog),
        new NoInsights());
  }

  /** Services without the provider calendar: the schedule view and provider-taken bookings answer 503. */
  public Services(ListAvailability availability, BookSlot bookSlot, ManageBooking manageBooking,
      ProviderBookings providerBookings, ManageCatalog catalog, PublicCatalog publicCatalog, Authenticate authenticate,
      ManageCredentials credentials, RegisterProvider registration, Supplier<Future<Void>> storeHealth,
      NotificationLog notifications, Waitlist waitlist, ManageWaitlist manageWaitlist,
      CustomerPayments customerPayments, ProviderPayments providerPayments, ManageConnections calendarConnections,
      ManageWebhookEndpoints webhooks, ManageAccount account) {
    this(availability, bookSlot, manageBooking, providerBookings, catalog, publicCatalog, authenticate, credentials,
        registration, storeHealth, notifications, waitlist, manageWaitlist, customerPayments, providerPayments,
        calendarConnections, webhooks, account, new NoProviderCalendar());
  }

  /** Services without account settings: profile, password change and reset answer 503. */
  public Services(ListAvailability availability, BookSlot bookSlot, ManageBooking manageBooking,
      ProviderBookings providerBookings, ManageCatalog catalog, PublicCatalog publicCatalog, Authenticate authenticate,
      ManageCredentials credentials, RegisterProvider registration, Supplier<Future<Void>> storeHealth,
      NotificationLog notifications, Waitlist waitlist, ManageWaitlist manageWaitlist,
      CustomerPayments customerPayments, ProviderPayments providerPayments, ManageConnections calendarConnections,
      ManageWebhookEndpoints webhooks) {
    this(availability, bookSlot, manageBooking, providerBookings, catalog, publicCatalog, authenticate, credentials,
        registration, storeHealth, notifications, waitlist, manageWaitlist, customerPayments, providerPayments,
        calendarConnections, webhooks, new NoAccountSettings());
  }

  /** Services without webhooks: no endpoints, an empty feed. */
  public Services(ListAvailability availability, BookSlot bookSlot, ManageBooking manageBooking,
      ProviderBookings providerBookings, ManageCatalog catalog, PublicCatalog publicCatalog, Authenticate authenticate,
      ManageCredentials credentials, RegisterProvider registration, Supplier<Future<Void>> storeHealth,
      NotificationLog notifications, Waitlist waitlist, ManageWaitlist manageWaitlist,
      CustomerPayments customerPayments, ProviderPayments providerPayments, ManageConnections calendarConnections) {
    this(availability, bookSlot, manageBooking, providerBookings, catalog, publicCatalog, authenticate, credentials,
        registration, storeHealth, notifications, waitlist, manageWaitlist, customerPayments, providerPayments,
        calendarConnections, new NoWebhooks());
  }

  /** Services without calendar sync: no calendar service can be connected. */
  public Services(ListAvailability availability, BookSlot bookSlot, ManageBooking manageBooking,
      ProviderBookings providerBookings, ManageCatalog catalog, PublicCatalog publicCatalog, Authenticate authenticate,
      ManageCredentials credentials, RegisterProvider registration, Supplier<Future<Void>> storeHealth,
      NotificationLog notifications, Waitlist waitlist, ManageWaitlist manageWaitlist,
      CustomerPayments customerPayments, ProviderPayments providerPayments) {
    this(availability, bookSlot, manageBooking, providerBookings, catalog, publicCatalog, authenticate, credentials,
        registration, storeHealth, notifications, waitlist, manageWaitlist, customerPayments, providerPayments,
        new NoCalendarSync());
  }

  /** Services without payments: no booking has a payment, paying answers 503. */
  public Services(ListAvailability availability, BookSlot bookSlot, ManageBooking manageBooking,
      ProviderBookings providerBookings, ManageCatalog catalog, PublicCatalog publicCatalog, Authenticate authenticate,
      ManageCredentials credentials, RegisterProvider registration, Supplier<Future<Void>> storeHealth,
      NotificationLog notifications, Waitlist waitlist, ManageWaitlist manageWaitlist) {
    this(availability, bookSlot, manageBooking, providerBookings, catalog, publicCatalog, authenticate, credentials,
        registration, storeHealth, notifications, waitlist, manageWaitlist, new NoPayments(), new NoPayments());
  }

  /** Services without a waitlist: its calls answer 404. */
  public Services(ListAvailability availability, BookSlot bookSlot, ManageBooking manageBooking,
      ProviderBookings providerBookings, ManageCatalog catalog, PublicCatalog publicCatalog, Authenticate authenticate,
      ManageCredentials credentials, RegisterProvider registration, Supplier<Future<Void>> storeHealth,
      NotificationLog notifications) {
    this(availability, bookSlot, manageBooking, providerBookings, catalog, publicCatalog, authenticate, credentials,
        registration, storeHealth, notifications, new NoWaitlist(), new NoWaitlist());
  }

  /** Services without notifications: the provider's notification log is empty. */
  public Services(ListAvailability availability, BookSlot bookSlot, ManageBooking manageBooking,
      ProviderBookings providerBookings, ManageCatalog catalog, PublicCatalog publicCatalog, Authenticate authenticate,
      ManageCredentials credentials, RegisterProvider registration, Supplier<Future<Void>> storeHealth) {
    this(availability, bookSlot, manageBooking, providerBookings, catalog, publicCatalog, authenticate, credentials,
        registration, storeHealth, NotificationLog.empty());
  }

  public Services {
    Objects.requireNonNull(availability, "availability");
    Objects.requireNonNull(bookSlot, "bookSlot");
    Objects.requireNonNull(manageBooking, "manageBooking");
    Objects.requireNonNull(providerBookings, "providerBookings");
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(publicCatalog, "publicCatalog");
    Objects.requireNonNull(authenticate, "authenticate");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(registration, "registration");
    Objects.requireNonNull(storeHealth, "storeHealth");
    Objects.requireNonNull(notifications, "notifications");
    Objects.requireNonNull(waitlist, "waitlist");
    Objects.requireNonNull(manageWaitlist, "manageWaitlist");
    Objects.requireNonNull(customerPayments, "customerPayments");
    Objects.requireNonNull(providerPayments, "providerPayments");
    Objects.requireNonNull(calendarConnections, "calendarConnections");
    Objects.requireNonNull(webhooks, "webhooks");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(providerCalendar, "providerCalendar");
    Objects.requireNonNull(calendarFeed, "calendarFeed");
    Objects.requireNonNull(insights, "insights");
  }
}
