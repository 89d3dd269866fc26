package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The docs name only what exists: every ADR is in the ADR index, every relative link of the Markdown files resolves,
 * and every Java type or {@code dev.dovetail} package that docs/architecture.md names in backticks is in the code.
 */
@DisplayName("The docs name only what exists")
class DocsMatchCodeTest {

  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
  private static final Pattern CODE = Pattern.compile("`([^`\\s]+)`");
  private static final Pattern TYPE_NAME = Pattern.compile("[A-Z][a-z][A-Za-z0-9]*");
  /** Names the code map mentions that are not Dovetail's types. */
  private static final Set<String> NOT_OURS = Set.of("Dockerfile", "Future", "Promise", "Vertx");

  @Test
  @DisplayName("docs/adr/README.md links every ADR")
  void adrIndexIsComplete() {
    String index = read(ROOT.resolve("docs/adr/README.md"));
    List<String> adrs = files(ROOT.resolve("docs/adr")).stream()
        .map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{4}-.*\\.md")).sorted().toList();
    assertThat(adrs).hasSizeGreaterThan(40);
    assertThat(adrs).allSatisfy(adr -> assertThat(index).as("the index links " + adr).contains("(" + adr + ")"));
  }

  @Test
  @DisplayName("every relative link in README.md and docs/ points to a file that exists")
  void relativeLinksResolve() {
    List<Path> markdown = Stream.concat(Stream.of(ROOT.resolve("README.md")),
        files(ROOT.resolve("docs")).stream().filter(p -> p.toString().endsWith(".md"))).toList();
    Set<String> broken = new TreeSet<>();
    for (Path file : markdown) {
      Matcher link = LINK.matcher(read(file));
      while (link.find()) {
        String target = link.group(1);
        if (!target.matches("^[a-z]+:.*") && !Files.exists(file.getParent().resolve(target).normalize())) {
          broken.add(ROOT.relativize(file) + " → " + target);
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  @DisplayName("the types and packages docs/architecture.md names exist in the code")
  void codeMapNamesExist() {
    Set<String> types = new TreeSet<>();
    Set<String> packages = new TreeSet<>();
    for (Path java : files(ROOT).stream().filter(p -> p.toString().endsWith(".java")).toList()) {
      String relative = ROOT.relativize(java).toString().replace('\\', '/');
      int at = relative.indexOf("/java/dev/dovetail/");
      if (at >= 0 && !relative.contains("/target/")) {
        String name = relative.substring(at + "/java/".length(), relative.length() - ".java".length());
        types.add(name.substring(name.lastIndexOf('/') + 1));
        packages.add(name.substring(0, name.lastIndexOf('/')).replace('/', '.'));
      }
    }
    assertThat(types).as("the walk found the sources").hasSizeGreaterThan(300);
    Set<String> missing = new TreeSet<>();
    Matcher code = CODE.matcher(read(ROOT.resolve("docs/architecture.md")));
    while (code.find()) {
      String name = code.group(1);
      boolean known = name.startsWith("dev.dovetail") ? packages.contains(name) || isType(name, packages, types)
          : !TYPE_NAME.matcher(name).matches() || types.contains(name) || NOT_OURS.contains(name);
      if (!known) {
        missing.add(name);
      }
    }
    assertThat(missing).as("names in docs/architecture.md that no source file declares").isEmpty();
  }

  private static boolean isType(String name, Set<String> packages, Set<String> types) {
    int dot = name.lastIndexOf('.');
    return dot > 0 && packages.contains(name.substring(0, dot)) && types.contains(name.substring(dot + 1));
  }

  private static List<Path> files(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/")
              && !p.toString().contains("/node_modules/"))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
