package dev.dovetail.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.kernel.i18n.Language;
import dev.dovetail.kernel.i18n.Messages;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("Each page carries the module texts its modules use, and only those")
class PageTextsTest {

  private static final Pattern IMPORT = Pattern.compile("(?:from|import)\\s+'\\./([a-z0-9-]+)\\.js'");
  private static final Pattern TEXT = Pattern.compile("\\b(?:t|has)\\(\\s*['`]([a-zA-Z]+)\\.");
  /** Optional on a page: without them, a failure shows the API's detail (the provider's English pages). */
  private static final String PROBLEM = "problem";

  @ParameterizedTest
  @EnumSource(PageTexts.class)
  @DisplayName("the groups a page's modules (and what they import) look up are the groups it carries")
  void groupsMatchTheModules(PageTexts texts) throws IOException {
    Set<String> used = new TreeSet<>();
    for (String module : texts.modules()) {
      for (String source : closure(module)) {
        Matcher m = TEXT.matcher(read(source));
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    Set<String> required = new TreeSet<>(used);
    required.remove(PROBLEM);
    assertThat(texts.groups()).as("carried").containsAll(required);
    assertThat(used).as("used by its modules").containsAll(texts.groups());
  }

  @ParameterizedTest
  @EnumSource(PageTexts.class)
  @DisplayName("every group carried has texts, and the page's JSON holds exactly them")
  void groupsExist(PageTexts texts) {
    for (String group : texts.groups()) {
      assertThat(Messages.catalogue().withPrefix(Language.DE, "js." + group + ".")).as(group).isNotEmpty();
    }
    JsonObject sent = new JsonObject(PageLanguage.values(Map.of(), Language.DE, texts).get("messages"));
    assertThat(sent.fieldNames()).allMatch(key -> texts.groups().contains(key.split("\\.")[1]));
  }

  /** {@code module} and every module it imports, directly or not, by name. */
  private static Set<String> closure(String module) throws IOException {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(module);
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (seen.add(next)) {
        Matcher m = IMPORT.matcher(read(next));
        while (m.find()) {
          todo.add(m.group(1));
        }
      }
    }
    return seen;
  }

  private static String read(String module) throws IOException {
    try (InputStream in = PageTextsTest.class.getClassLoader()
        .getResourceAsStream("webroot/assets/" + module + ".js")) {
      assertThat(in).as(module + ".js").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
