package dev.dovetail.outlook.zone;

import com.ibm.icu.util.TimeZone;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Windows time-zone names (what Microsoft Graph puts in {@code timeZone}) to IANA zones through the CLDR {@code
 * windowsZones} table that ICU4J ships, taking the territory {@code 001} default ("W. Europe Standard Time" →
 * {@code Europe/Berlin}). IANA names and {@code UTC} pass through. {@code tzone://Microsoft/Custom} (a legacy custom
 * zone of desktop Outlook) has no name to map: callers use the event's UTC times or a {@link CustomZone} instead.
 */
public final class WindowsZones {

  /** The marker Graph puts in {@code originalStartTimeZone} for a legacy custom zone. */
  public static final String CUSTOM = "tzone://Microsoft/Custom";

  private WindowsZones() {
  }

  /** The IANA zone for a Windows or IANA name; empty for {@link #CUSTOM}, blank or unknown names. */
  public static Optional<ZoneId> toZoneId(String name) {
    if (name == null || name.isBlank() || name.equalsIgnoreCase(CUSTOM)) {
      return Optional.empty();
    }
    String trimmed = name.strip();
    if (trimmed.equalsIgnoreCase("UTC") || trimmed.equalsIgnoreCase("Coordinated Universal Time")) {
      return Optional.of(ZoneOffset.UTC);
    }
    String iana = TimeZone.getIDForWindowsID(trimmed, "001");
    if (iana != null) {
      return Optional.of(ZoneId.of(iana));
    }
    if (trimmed.contains("/")) {
      try {
        return Optional.of(ZoneId.of(trimmed));
      } catch (DateTimeException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Like {@link #toZoneId} but refuses a name it cannot map, naming it. */
  public static ZoneId require(String name) {
    return toZoneId(name).orElseThrow(() -> new UnknownZoneException(name));
  }

  /** The Windows name for an IANA zone (the CLDR reverse mapping), or {@code UTC}. */
  public static String toWindows(ZoneId zone) {
    if (zone.normalized() instanceof ZoneOffset offset && offset.getTotalSeconds() == 0) {
      return "UTC";
    }
    String windows = TimeZone.getWindowsID(zone.getId());
    if (windows == null) {
      throw new UnknownZoneException(zone.getId());
    }
    return windows;
  }

  /** A zone name that is neither a Windows name in the CLDR table nor an IANA name. */
  public static final class UnknownZoneException extends IllegalArgumentException {

    public UnknownZoneException(String name) {
      super("unknown time zone: " + name);
    }
  }
}
