package dev.dovetail.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The module map of docs/architecture.md, enforced on the main code of every module (the hub module sees them all):
 * the core depends on no adapter, adapters depend inward only (never on one another: the web layer never imports the
 * store, connectors never import each other), and only the hub wires them together. The booking core's own layering
 * is {@code ArchitectureTest} in that module; the in-adapters' use of in-ports only is {@link InAdapterBoundaryTest}.
 */
@DisplayName("Modules depend inward: core on no adapter, adapters on no other adapter, only the hub on all")
class ModuleBoundariesTest {

  /** The core: domains, ports and use cases, including calendar sync's common part. */
  private static final String[] CORE = {
    "dev.dovetail.account..", "dev.dovetail.booking..", "dev.dovetail.calendar..", "dev.dovetail.notification..",
    "dev.dovetail.payment..", "dev.dovetail.waitlist..", "dev.dovetail.webhook..", "dev.dovetail.sync.app..",
    "dev.dovetail.sync.domain..", "dev.dovetail.sync.port.."
  };

  /** Each adapter module by its packages. */
  private static final Map<String, String> ADAPTERS = Map.of(
      "web", "dev.dovetail.web..",
      "caldav", "dev.dovetail.caldav..",
      "infra", "dev.dovetail.infra..",
      "stripe", "dev.dovetail.stripe..",
      "google", "dev.dovetail.sync.google..",
      "outlook", "dev.dovetail.outlook..");

  private static final String HUB = "dev.dovetail.app..";

  private static JavaClasses main;

  @BeforeAll
  static void importMainCode() {
    main = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
        .importPackages("dev.dovetail");
  }

  @Test
  @DisplayName("the import sees the core, every adapter and the hub, so no rule passes vacuously")
  void everyModuleIsImported() {
    List<String> expected = Stream.concat(Stream.concat(Arrays.stream(CORE), ADAPTERS.values().stream()),
        Stream.of(HUB)).map(p -> p.substring(0, p.length() - 2)).toList();
    List<String> packages = main.stream().map(JavaClass::getPackageName).distinct().toList();
    for (String root : expected) {
      assertThat(packages).as("classes under " + root).anyMatch(p -> p.equals(root) || p.startsWith(root + "."));
    }
  }

  @Test
  @DisplayName("the core depends on no adapter and not on the hub")
  void coreDependsOnNoAdapter() {
    noClasses().that().resideInAnyPackage(CORE)
        .should().dependOnClassesThat().resideInAnyPackage(adaptersAndHub(null))
        .check(main);
  }

  @Test
  @DisplayName("no adapter depends on another adapter (web on the store, a connector on another connector) or the hub")
  void adaptersDependInwardOnly() {
    ADAPTERS.forEach((name, packages) -> noClasses().that().resideInAPackage(packages)
        .should().dependOnClassesThat().resideInAnyPackage(adaptersAndHub(name))
        .as(name + " depends on the core only")
        .check(main));
  }

  private static String[] adaptersAndHub(String except) {
    return Stream.concat(ADAPTERS.entrySet().stream().filter(e -> !e.getKey().equals(except))
        .map(Map.Entry::getValue), Stream.of(HUB)).toArray(String[]::new);
  }
}
