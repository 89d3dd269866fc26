package dev.dovetail.caldav.dav;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Xml.escape: markup characters as entities, control characters other than tab and line ends dropped")
class XmlEscapeTest {

  @Test
  @DisplayName("text that needs nothing comes back as it is; the rest is escaped from the first character on")
  void escapes() {
    String plain = "/dav/calendars/alice/room/e001.ics \t\r\n\u00e9\u20ac";
    assertThat(Xml.escape(plain)).isSameAs(plain);
    assertThat(Xml.escape("")).isEmpty();
    assertThat(Xml.escape("a<b>&\"'z")).isEqualTo("a&lt;b&gt;&amp;&quot;&apos;z");
    assertThat(Xml.escape("\"0123\"")).isEqualTo("&quot;0123&quot;");
    assertThat(Xml.escape("x\u0001y\u001fz<")).isEqualTo("xyz&lt;");
    assertThat(Xml.escape("\u0000")).isEmpty();
  }
}
