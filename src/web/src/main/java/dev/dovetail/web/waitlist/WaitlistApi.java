package dev.dovetail.web.waitlist;

import dev.dovetail.web.Services;
import dev.dovetail.web.http.OperationHandlers;

/** The waitlist operations: the customer's (join, leave, claim an offer) and the provider's (entries, settings). */
public final class WaitlistApi {

  private WaitlistApi() {}

  public static void register(OperationHandlers operations, Services.Waitlists waitlists) {
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
}
