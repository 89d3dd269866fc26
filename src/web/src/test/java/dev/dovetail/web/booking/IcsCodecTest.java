package dev.dovetail.web.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IcsCodecTest {

  @Test
  @DisplayName("TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 3.3.11)")
  void escapesText() {
    assertThat(IcsCodec.text("a\\b;c,d\ne\r\nf")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf");
  }

  @Test
  @DisplayName("content lines are folded at 75 octets, never inside a UTF-8 character (RFC 5545 3.1)")
  void foldsLongLinesAtOctetBoundaries() {
    StringBuilder out = new StringBuilder();
    String value = "SUMMARY:" + "Ünïcødé ☕ ".repeat(20);
    IcsCodec.line(out, value);
    String[] lines = out.toString().split("\r\n");
    assertThat(lines.length).isGreaterThan(2);
    for (String line : lines) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
    }
    StringBuilder unfolded = new StringBuilder(lines[0]);
    for (int i = 1; i < lines.length; i++) {
      assertThat(lines[i]).startsWith(" ");
      unfolded.append(lines[i].substring(1));
    }
    assertThat(unfolded.toString()).isEqualTo(value);
  }
}
