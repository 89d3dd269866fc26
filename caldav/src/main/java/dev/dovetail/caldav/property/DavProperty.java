package dev.dovetail.caldav.property;

import dev.dovetail.caldav.dav.DavResource;
import javax.xml.namespace.QName;

/**
 * One live (or stored dead) property: its name, the resources that have it, and its value as inner XML. One class per
 * property, each citing its RFC section, all registered in {@link DavProperties#ALL} (the way Xandikos registers
 * them).
 */
public interface DavProperty {

  QName name();

  boolean supports(DavResource resource);

  /** The inner XML of the property element for a resource it {@link #supports}. */
  String value(DavResource resource);

  /** Whether {@code allprop} returns it (RFC 4918 9.1: expensive or huge properties may be left out). */
  default boolean inAllprop() {
    return true;
  }
}
