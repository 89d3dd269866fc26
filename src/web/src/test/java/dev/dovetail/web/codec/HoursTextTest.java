package dev.dovetail.web.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dovetail.booking.domain.AvailabilityRule;
import dev.dovetail.booking.domain.WallClockWindow;
import dev.dovetail.web.catalog.AvailabilityCodec;
import dev.dovetail.web.http.ApiProblem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The hours text the dashboard's hours field reads (hours-text.js), accepted the same way by the API. */
class HoursTextTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "9-17|09:00-17:00",
      "09:00–17:00|09:00-17:00",
      "9:00 — 17:30|09:00-17:30",
      "9:30-12, 13-17|09:30-12:00,13:00-17:00",
      "9.30-12; 13h00-17|09:30-12:00,13:00-17:00",
      "  18-24 |18:00-00:00",
      "0-24|00:00-00:00",
  })
  @DisplayName("typed hours read as windows: bare hours, en and em dashes, several ranges, 24 as midnight")
  void readsTypedHours(String text, String expected) {
    List<WallClockWindow> windows = TimeCodec.windowsText(text, "weeklyHours.monday");
    assertThat(windows).extracting(w -> w.start() + "-" + w.end())
        .containsExactly(expected.split(","));
  }

  @Test
  @DisplayName("empty text is a closed day")
  void emptyIsClosed() {
    assertThat(TimeCodec.windowsText("  ", "breaks")).isEmpty();
    assertThat(TimeCodec.windowsText("", "breaks")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"9", "9 to 17", "25-26", "9-24:30", "24-24", "17-9", "9-9", "9:60-10", "9--17", "9-17-18",
      "nine-five"})
  @DisplayName("text that is not a forward range is a 400 naming the field")
  void refusesWhatIsNotARange(String text) {
    assertThatThrownBy(() -> TimeCodec.windowsText(text, "weeklyHours.friday"))
        .isInstanceOfSatisfying(ApiProblem.class, p -> {
          assertThat(p.status()).isEqualTo(400);
          assertThat(p.getMessage()).contains("weeklyHours.friday");
        });
  }

  @Test
  @DisplayName("text longer than 200 characters is refused before it is read")
  void boundsTheText() {
    assertThatThrownBy(() -> TimeCodec.windowsText("9-10, ".repeat(40), "breaks"))
        .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.getMessage()).contains("200"));
  }

  @Test
  @DisplayName("an availability may mix windows and text: days, breaks and date overrides")
  void availabilityAcceptsTextAndWindows() {
    JsonObject json = new JsonObject()
        .put("weeklyHours", new JsonObject()
            .put("monday", "9-17")
            .put("tuesday", new JsonArray().add(new JsonObject().put("start", "08:00").put("end", "12:00"))))
        .put("breaks", "12–13")
        .put("dateOverrides", new JsonObject().put("2026-12-24", "9-12").put("2026-12-25", ""));
    AvailabilityRule rule = AvailabilityCodec.fromJson(json);
    assertThat(rule.openWindowsOn(LocalDate.of(2026, 12, 7))) // a Monday
        .containsExactly(WallClockWindow.of("09:00", "12:00"), WallClockWindow.of("13:00", "17:00"));
    assertThat(rule.weeklyHours().get(DayOfWeek.TUESDAY)).containsExactly(WallClockWindow.of("08:00", "12:00"));
    assertThat(rule.openWindowsOn(LocalDate.of(2026, 12, 24))).containsExactly(WallClockWindow.of("09:00", "12:00"));
    assertThat(rule.openWindowsOn(LocalDate.of(2026, 12, 25))).isEmpty();
  }

  @Test
  @DisplayName("overlapping typed ranges are a 400, as overlapping windows are")
  void overlappingTextIsRefused() {
    JsonObject json = new JsonObject().put("weeklyHours", new JsonObject().put("monday", "9-13, 12-17"));
    assertThatThrownBy(() -> AvailabilityCodec.fromJson(json))
        .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(400));
  }
}
