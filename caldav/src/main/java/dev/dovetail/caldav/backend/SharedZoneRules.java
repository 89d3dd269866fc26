package dev.dovetail.caldav.backend;

import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryImpl;

/**
 * The time-zone registry of one parse, which reuses the zone rules ical4j built for an identical VTIMEZONE before.
 * ical4j turns every VTIMEZONE it reads into java.time zone rules by expanding its DST transitions: about 30 times the
 * cost of parsing the event itself, paid again for each object, although clients repeat the same few definitions in
 * every object (measured in docs/benchmarks.md, "iCalendar parsing"). Definitions are keyed by their whole text, so a
 * custom definition under a well-known TZID is never mistaken for the usual one. The last {@value #KEPT}
 * definitions are kept; a definition not kept costs what it cost before. A registry is used by one parse, on one
 * thread; the kept registries are only read after they are built.
 */
final class SharedZoneRules implements TimeZoneRegistry {

  static final int KEPT = 256;

  private static final Map<String, TimeZoneRegistry> BUILT = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, TimeZoneRegistry> eldest) {
      return size() > KEPT;
    }
  };

  /** Zones this parse's objects did not define (TZIDs of the IANA database), as ical4j resolves them. */
  private final TimeZoneRegistry fallback = new TimeZoneRegistryImpl();
  /** The registry holding each zone this parse defined, by TZID. */
  private final Map<String, TimeZoneRegistry> defined = new HashMap<>();

  @Override
  public void register(TimeZone timezone) {
    String definition = timezone.getVTimeZone().toString();
    TimeZoneRegistry built;
    synchronized (BUILT) {
      built = BUILT.get(definition);
    }
    if (built == null) {
      built = new TimeZoneRegistryImpl();
      built.register(timezone);
      synchronized (BUILT) {
        BUILT.put(definition, built);
      }
    }
    defined.put(timezone.getID(), built);
  }

  @Override
  public void register(TimeZone timezone, boolean update) {
    register(timezone); // updates from TZURL are off (IcsParser); a definition is what the object says
  }

  @Override
  public void clear() {
    defined.clear();
  }

  @Override
  public TimeZone getTimeZone(String id) {
    return registryOf(id).getTimeZone(id);
  }

  @Override
  public Map<String, ZoneRules> getZoneRules() {
    Map<String, ZoneRules> rules = new HashMap<>(fallback.getZoneRules());
    defined.values().forEach(r -> rules.putAll(r.getZoneRules()));
    return rules;
  }

  @Override
  public ZoneId getZoneId(String tzId) {
    return registryOf(tzId).getZoneId(tzId);
  }

  @Override
  public String getTzId(String zoneId) {
    for (TimeZoneRegistry r : defined.values()) {
      String tzId = r.getTzId(zoneId);
      if (tzId != null && defined.get(tzId) == r) {
        return tzId;
      }
    }
    return fallback.getTzId(zoneId);
  }

  private TimeZoneRegistry registryOf(String id) {
    TimeZoneRegistry r = id == null ? null : defined.get(id);
    return r != null ? r : fallback;
  }
}
