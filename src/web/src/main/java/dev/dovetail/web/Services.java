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
import dev.dovetail.web.booking.NoProviderCalendar;
import dev.dovetail.web.calendar.NoCalendarFeed;
import dev.dovetail.web.calendar.NoCalendarSync;
import dev.dovetail.web.insights.NoInsights;
import dev.dovetail.web.notification.NoNotifications;
import dev.dovetail.web.payment.NoPayments;
import dev.dovetail.web.waitlist.NoWaitlist;
import dev.dovetail.web.webhook.NoWebhooks;
import dev.dovetail.webhook.port.in.ManageWebhookEndpoints;
import io.vertx.core.Future;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The use cases the HTTP API drives, grouped by feature, and the readiness probe for {@code GET /ready} (named for the
 * store, which it always asks; the hub adds the cluster). Booking and accounts are always there; every other feature
 * may be off, and {@link #of} is the one place that says what "off" answers (ADR 52): the hub wires every feature,
 * tests of one part replace only what they drive with the {@code withX} methods. Every "off" is a class {@code NoX} in
 * its feature's package (ADR 64), built here only: by {@link #of}, or by the {@code disabled()} of a feature's record.
 */
public record Services(
    Booking booking,
    Accounts accounts,
    Supplier<Future<Void>> storeHealth,
    NotificationLog notifications,
    Waitlists waitlist,
    Payments payments,
    ManageConnections calendarConnections,
    ManageWebhookEndpoints webhooks,
    ProviderCalendar providerCalendar,
    ShareCalendarFeed calendarFeed,
    ProviderInsights insights) {

  public Services {
    Objects.requireNonNull(booking, "booking");
    Objects.requireNonNull(accounts, "accounts");
    Objects.requireNonNull(storeHealth, "storeHealth");
    Objects.requireNonNull(notifications, "notifications");
    Objects.requireNonNull(waitlist, "waitlist");
    Objects.requireNonNull(payments, "payments");
    Objects.requireNonNull(calendarConnections, "calendarConnections");
    Objects.requireNonNull(webhooks, "webhooks");
    Objects.requireNonNull(providerCalendar, "providerCalendar");
    Objects.requireNonNull(calendarFeed, "calendarFeed");
    Objects.requireNonNull(insights, "insights");
  }

  /**
   * Booking and accounts with every other feature off: the notification log is empty, the waitlist answers 404, no
   * booking has a payment and paying answers 503, no calendar service can be connected, there are no webhook
   * endpoints, and the provider calendar, the calendar feed and the insights answer 503.
   */
  public static Services of(Booking booking, Accounts accounts, Supplier<Future<Void>> storeHealth) {
    return new Services(booking, accounts, storeHealth, new NoNotifications(), Waitlists.disabled(),
        Payments.disabled(), new NoCalendarSync(), new NoWebhooks(), new NoProviderCalendar(),
        new NoCalendarFeed(booking.catalog()), new NoInsights());
  }

  public Services withBooking(Booking replaced) {
    return new Services(replaced, accounts, storeHealth, notifications, waitlist, payments, calendarConnections,
        webhooks, providerCalendar, calendarFeed, insights);
  }

  public Services withNotifications(NotificationLog replaced) {
    return new Services(booking, accounts, storeHealth, replaced, waitlist, payments, calendarConnections,
        webhooks, providerCalendar, calendarFeed, insights);
  }

  public Services withWaitlist(Waitlists replaced) {
    return new Services(booking, accounts, storeHealth, notifications, replaced, payments, calendarConnections,
        webhooks, providerCalendar, calendarFeed, insights);
  }

  public Services withPayments(Payments replaced) {
    return new Services(booking, accounts, storeHealth, notifications, waitlist, replaced, calendarConnections,
        webhooks, providerCalendar, calendarFeed, insights);
  }

  public Services withCalendarConnections(ManageConnections replaced) {
    return new Services(booking, accounts, storeHealth, notifications, waitlist, payments, replaced, webhooks,
        providerCalendar, calendarFeed, insights);
  }

  public Services withWebhooks(ManageWebhookEndpoints replaced) {
    return new Services(booking, accounts, storeHealth, notifications, waitlist, payments, calendarConnections,
        replaced, providerCalendar, calendarFeed, insights);
  }

  public Services withProviderCalendar(ProviderCalendar replaced) {
    return new Services(booking, accounts, storeHealth, notifications, waitlist, payments, calendarConnections,
        webhooks, replaced, calendarFeed, insights);
  }

  public Services withCalendarFeed(ShareCalendarFeed replaced) {
    return new Services(booking, accounts, storeHealth, notifications, waitlist, payments, calendarConnections,
        webhooks, providerCalendar, replaced, insights);
  }

  public Services withInsights(ProviderInsights replaced) {
    return new Services(booking, accounts, storeHealth, notifications, waitlist, payments, calendarConnections,
        webhooks, providerCalendar, calendarFeed, replaced);
  }

  /** Slots, bookings (the customer's and the provider's) and the catalog (the provider's and the public view). */
  public record Booking(ListAvailability availability, BookSlot bookSlot, ManageBooking manage,
      ProviderBookings providerBookings, ManageCatalog catalog, PublicCatalog publicCatalog) {

    public Booking {
      Objects.requireNonNull(availability, "availability");
      Objects.requireNonNull(bookSlot, "bookSlot");
      Objects.requireNonNull(manage, "manage");
      Objects.requireNonNull(providerBookings, "providerBookings");
      Objects.requireNonNull(catalog, "catalog");
      Objects.requireNonNull(publicCatalog, "publicCatalog");
    }

    public Booking withAvailability(ListAvailability replaced) {
      return new Booking(replaced, bookSlot, manage, providerBookings, catalog, publicCatalog);
    }
  }

  /** Log-in, API tokens and app passwords, sign-up, and the provider's own account (profile, password, reset). */
  public record Accounts(Authenticate authenticate, ManageCredentials credentials, RegisterProvider registration,
      ManageAccount settings) {

    public Accounts {
      Objects.requireNonNull(authenticate, "authenticate");
      Objects.requireNonNull(credentials, "credentials");
      Objects.requireNonNull(registration, "registration");
      Objects.requireNonNull(settings, "settings");
    }
  }

  /** The waitlist: the customer's side (join, claim, leave) and the provider's (entries, offers). */
  public record Waitlists(Waitlist customer, ManageWaitlist provider) {

    public Waitlists {
      Objects.requireNonNull(customer, "customer");
      Objects.requireNonNull(provider, "provider");
    }

    /** No waitlist: its calls answer 404. */
    public static Waitlists disabled() {
      NoWaitlist off = new NoWaitlist();
      return new Waitlists(off, off);
    }
  }

  /** Payments: the customer's (pay, see what is owed) and the provider's (settings, refunds, card payments on?). */
  public record Payments(CustomerPayments customer, ProviderPayments provider) {

    public Payments {
      Objects.requireNonNull(customer, "customer");
      Objects.requireNonNull(provider, "provider");
    }

    /** No payments: no booking has a payment, paying answers 503. */
    public static Payments disabled() {
      NoPayments off = new NoPayments();
      return new Payments(off, off);
    }
  }
}
