package dev.dovetail.outlook.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Windows zone names map to IANA through the CLDR table")
class WindowsZonesTest {

  @Test
  @DisplayName("Pacific and W. Europe Standard Time map to the territory-001 zones, and back")
  void mapsTheCommonNames() {
    assertThat(WindowsZones.require("Pacific Standard Time")).isEqualTo(ZoneId.of("America/Los_Angeles"));
    assertThat(WindowsZones.require("W. Europe Standard Time")).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(WindowsZones.require("Tokyo Standard Time")).isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(WindowsZones.toWindows(ZoneId.of("Europe/Berlin"))).isEqualTo("W. Europe Standard Time");
    assertThat(WindowsZones.toWindows(ZoneId.of("Europe/Zurich"))).isEqualTo("W. Europe Standard Time");
    assertThat(WindowsZones.toWindows(ZoneOffset.UTC)).isEqualTo("UTC");
  }

  @Test
  @DisplayName("UTC and IANA names pass through; tzone://Microsoft/Custom and unknown names do not map")
  void passesThroughAndRefuses() {
    assertThat(WindowsZones.require("UTC")).isEqualTo(ZoneOffset.UTC);
    assertThat(WindowsZones.require("Europe/Zurich")).isEqualTo(ZoneId.of("Europe/Zurich"));
    assertThat(WindowsZones.toZoneId(WindowsZones.CUSTOM)).isEmpty();
    assertThat(WindowsZones.toZoneId("Mars Standard Time")).isEmpty();
    assertThatThrownBy(() -> WindowsZones.require("Mars Standard Time"))
        .isInstanceOf(WindowsZones.UnknownZoneException.class).hasMessageContaining("Mars Standard Time");
  }

  @Test
  @DisplayName("A mapped zone keeps its DST rules: 09:00 in W. Europe is 08:00Z before and 07:00Z after 28 March 2027")
  void keepsDaylightSaving() {
    ZoneId berlin = WindowsZones.require("W. Europe Standard Time");
    assertThat(LocalDateTime.parse("2027-03-22T09:00").atZone(berlin).toInstant().toString())
        .isEqualTo("2027-03-22T08:00:00Z");
    assertThat(LocalDateTime.parse("2027-03-29T09:00").atZone(berlin).toInstant().toString())
        .isEqualTo("2027-03-29T07:00:00Z");
  }
}
