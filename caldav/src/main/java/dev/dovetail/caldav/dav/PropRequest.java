package dev.dovetail.caldav.dav;

import dev.dovetail.caldav.property.DavProperties;
import dev.dovetail.caldav.property.DavProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;

/**
 * What a PROPFIND or REPORT asks for (RFC 4918 9.1): all properties, their names only, or a list of names, and how
 * to answer it for one resource. {@code extras} answers report-only properties such as CALDAV:calendar-data.
 */
public record PropRequest(Kind kind, List<QName> names, Element calendarData) {

  public enum Kind {
    ALLPROP,
    PROPNAME,
    PROP
  }

  public static final PropRequest ALL = new PropRequest(Kind.ALLPROP, List.of(), null);

  /** From the children of a {@code propfind} or report element; no prop element at all means allprop. */
  public static PropRequest from(Element parent) {
    if (parent == null) {
      return ALL;
    }
    if (Xml.child(parent, Ns.DAV, "propname") != null) {
      return new PropRequest(Kind.PROPNAME, List.of(), null);
    }
    Element prop = Xml.child(parent, Ns.DAV, "prop");
    if (prop == null) {
      return ALL;
    }
    List<QName> names = new ArrayList<>();
    Element data = null;
    for (Element e : Xml.children(prop)) {
      names.add(Xml.name(e));
      if (Xml.is(e, Ns.CALDAV, "calendar-data")) {
        data = e;
      }
    }
    return new PropRequest(Kind.PROP, names, data);
  }

  /**
   * The propstats for one resource: found values under 200, unknown names under 404. Each list is the XML of its
   * properties in order, written one piece after the other (an element may come in several pieces).
   */
  public Map<Integer, List<CharSequence>> render(DavResource r,
      BiFunction<DavResource, QName, CharSequence> extras) {
    Map<Integer, List<CharSequence>> out = new LinkedHashMap<>();
    List<CharSequence> found = new ArrayList<>();
    List<CharSequence> missing = new ArrayList<>();
    out.put(200, found);
    out.put(404, missing);
    switch (kind) {
      case PROPNAME -> DavProperties.ALL.stream().filter(p -> p.supports(r)).forEach(p -> found.add(Ns.empty(p.name())));
      case ALLPROP -> DavProperties.ALL.stream().filter(p -> p.inAllprop() && p.supports(r))
          .forEach(p -> found.add(Ns.element(p.name(), p.value(r))));
      case PROP -> {
        for (QName name : names) {
          CharSequence extra = extras == null ? null : extras.apply(r, name);
          if (extra != null) {
            // in three pieces, so that a large value (calendar-data, cached encoded per object) is written as it is
            found.add(Ns.open(name));
            found.add(extra);
            found.add(Ns.close(name));
            continue;
          }
          DavProperty p = DavProperties.find(name).filter(x -> x.supports(r)).orElse(null);
          if (p == null) {
            missing.add(Ns.empty(name));
          } else {
            found.add(Ns.element(name, p.value(r)));
          }
        }
      }
      default -> throw new IllegalStateException();
    }
    return out;
  }
}
