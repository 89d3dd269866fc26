package dev.dovetail.kernel.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The message catalogues")
class MessagesTest {

  private final Messages messages = Messages.catalogue();

  @Test
  @DisplayName("every key is in every language")
  void everyKeyIsInEveryLanguage() {
    Set<String> english = messages.all(Language.EN).keySet();
    assertThat(english).isNotEmpty();
    for (Language language : Language.values()) {
      assertThat(messages.all(language).keySet()).as(language.tag()).containsExactlyInAnyOrderElementsOf(english);
    }
  }

  @Test
  @DisplayName("every text names the same placeholders in every language")
  void everyPlaceholderMatches() {
    for (Map.Entry<String, String> entry : messages.all(Language.EN).entrySet()) {
      for (Language language : Language.values()) {
        assertThat(placeholders(messages.get(language, entry.getKey())))
            .as(language.tag() + " " + entry.getKey()).isEqualTo(placeholders(entry.getValue()));
      }
    }
  }

  @Test
  @DisplayName("no text is blank, and the German catalogue is not the English one")
  void textsAreTranslated() {
    for (Language language : Language.values()) {
      assertThat(messages.all(language).values()).as(language.tag()).allSatisfy(text -> assertThat(text).isNotBlank());
    }
    long same = messages.all(Language.EN).entrySet().stream()
        .filter(e -> e.getValue().equals(messages.get(Language.DE, e.getKey()))).count();
    assertThat(same).isLessThan(messages.all(Language.EN).size() / 10 + 1);
  }

  @Test
  @DisplayName("placeholders are filled by name; unknown ones stay")
  void fillsByName() {
    assertThat(Messages.fill("{typeName} mit {providerName} {x}", Map.of("typeName", "Beratung", "providerName", "A&B")))
        .isEqualTo("Beratung mit A&B {x}");
    assertThat(messages.get(Language.DE, "lang.name")).isEqualTo("Deutsch");
  }

  @Test
  @DisplayName("a language is its primary tag, case ignored; anything else is none")
  void languageTags() {
    assertThat(Language.of("de-AT")).contains(Language.DE);
    assertThat(Language.of("EN")).contains(Language.EN);
    assertThat(Language.of("fr")).isEmpty();
    assertThat(Language.of("")).isEmpty();
    assertThat(Language.orEnglish(null)).isEqualTo(Language.EN);
  }

  private static Set<String> placeholders(String text) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = Messages.PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }
}
