package dev.dovetail.caldav.property;

import dev.dovetail.caldav.dav.DavResource;
import dev.dovetail.caldav.dav.Hrefs;
import dev.dovetail.caldav.dav.Ns;
import dev.dovetail.caldav.dav.Xml;
import javax.xml.namespace.QName;

/**
 * dovetail:feed-url: the calendar's read-only webcal/ICS feed at an unguessable URL, for apps that only subscribe to
 * URLs. PROPPATCH {@code set} issues a new one (revoking the old), {@code remove} revokes it.
 */
public final class FeedUrlProperty implements DavProperty {

  @Override
  public QName name() {
    return Ns.dovetail("feed-url");
  }

  @Override
  public boolean supports(DavResource r) {
    return r instanceof DavResource.CalendarResource c && c.collection().properties().containsKey(DavProperties.FEED);
  }

  @Override
  public String value(DavResource r) {
    DavResource.CalendarResource c = (DavResource.CalendarResource) r;
    return "<d:href>" + Xml.escape(url(c.owner().id(), c.resource().id(),
        c.collection().properties().get(DavProperties.FEED))) + "</d:href>";
  }

  public static String url(String providerId, String resourceId, String token) {
    return "/webcal/" + Hrefs.segment(providerId) + "/" + Hrefs.segment(resourceId) + "/" + token + ".ics";
  }
}
