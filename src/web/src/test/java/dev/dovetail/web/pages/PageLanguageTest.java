package dev.dovetail.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.kernel.i18n.Language;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Accept-Language as the pages read it")
class PageLanguageTest {

  @Test
  @DisplayName("the highest q-value among our languages wins; ties go to the earlier range; q=0 never")
  void honoursQValues() {
    assertThat(PageLanguage.fromAcceptLanguage("de-DE,de;q=0.9,en;q=0.8")).contains(Language.DE);
    assertThat(PageLanguage.fromAcceptLanguage("en;q=0.3, de;q=0.7")).contains(Language.DE);
    assertThat(PageLanguage.fromAcceptLanguage("fr-FR, de;q=0.5, en;q=0.5")).contains(Language.DE);
    assertThat(PageLanguage.fromAcceptLanguage("de;q=0, en;q=0.1")).contains(Language.EN);
    assertThat(PageLanguage.fromAcceptLanguage("de;q=0")).isEmpty();
  }

  @Test
  @DisplayName("no header, a wildcard or only other languages: none (the next rule decides)")
  void noneWhenNothingMatches() {
    assertThat(PageLanguage.fromAcceptLanguage(null)).isEmpty();
    assertThat(PageLanguage.fromAcceptLanguage("")).isEmpty();
    assertThat(PageLanguage.fromAcceptLanguage("*")).isEmpty();
    assertThat(PageLanguage.fromAcceptLanguage("fr, it;q=0.9")).isEmpty();
  }

  @Test
  @DisplayName("malformed q-values count as 0 and break nothing")
  void malformedQ() {
    assertThat(PageLanguage.fromAcceptLanguage("de;q=abc, en;q=0.2")).contains(Language.EN);
    assertThat(PageLanguage.fromAcceptLanguage("de;q=2, en;q=1e-400")).isEmpty();
    assertThat(PageLanguage.fromAcceptLanguage(";;;,,,=,de")).contains(Language.DE);
  }

  @Test
  @DisplayName("a hostile header is read only so far: a match past the bound is ignored, and it stays cheap")
  void boundedParsing() {
    String filler = "xx;q=0.1,".repeat(100_000);
    assertThat(PageLanguage.fromAcceptLanguage(filler + "de")).isEmpty();
    assertThat(PageLanguage.fromAcceptLanguage("en;q=0.1," + ",".repeat(PageLanguage.MAX_RANGES) + "de")).contains(
        Language.EN);
    long start = System.nanoTime();
    for (int i = 0; i < 1_000; i++) {
      PageLanguage.fromAcceptLanguage(filler);
    }
    assertThat((System.nanoTime() - start) / 1_000_000).as("ms for 1000 hostile headers").isLessThan(2_000);
  }
}
