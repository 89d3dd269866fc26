package dev.dovetail.caldav.dav;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Hrefs.segment percent-encodes all but unreserved and a few safe characters")
class HrefsTest {

  @Test
  @DisplayName("plain names are returned as they are; others are encoded byte by byte in UTF-8")
  void segments() {
    assertThat(Hrefs.segment("0A1b-2._~@+=.ics")).isEqualTo("0A1b-2._~@+=.ics");
    assertThat(Hrefs.segment("")).isEmpty();
    assertThat(Hrefs.segment("a b.ics")).isEqualTo("a%20b.ics");
    assertThat(Hrefs.segment("x/y%z")).isEqualTo("x%2Fy%25z");
    assertThat(Hrefs.segment("caf\u00e9.ics")).isEqualTo("caf%C3%A9.ics");
    assertThat(Hrefs.segment("\u20ac")).isEqualTo("%E2%82%AC");
    assertThat(Hrefs.decode(Hrefs.segment("a b/\u00e9+.ics"))).isEqualTo("a b/\u00e9+.ics");
  }
}
