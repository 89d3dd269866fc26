package dev.dovetail.web.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BookingsCsvTest {

  @Test
  @DisplayName("cells: formulas get a leading quote mark, commas, quotes and line breaks are quoted (RFC 4180)")
  void cells() {
    assertThat(BookingsCsv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(BookingsCsv.cell("+31 6 1234")).isEqualTo("'+31 6 1234");
    assertThat(BookingsCsv.cell("-2")).isEqualTo("'-2");
    assertThat(BookingsCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(BookingsCsv.cell("Smith, Ada")).isEqualTo("\"Smith, Ada\"");
    assertThat(BookingsCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(BookingsCsv.cell("Ada")).isEqualTo("Ada");
    assertThat(BookingsCsv.cell("")).isEmpty();
  }
}
