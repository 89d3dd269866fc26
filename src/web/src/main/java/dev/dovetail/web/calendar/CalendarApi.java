package dev.dovetail.web.calendar;

import dev.dovetail.calendar.port.in.ShareCalendarFeed;
import dev.dovetail.sync.port.in.ManageConnections;
import dev.dovetail.web.WebOptions;
import dev.dovetail.web.http.OperationHandlers;

/** The calendar operations: the provider's calendar feed (subscription) and the connected external calendars. */
public final class CalendarApi {

  private CalendarApi() {}

  public static void register(OperationHandlers operations, ShareCalendarFeed feed, ManageConnections connections,
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
}
