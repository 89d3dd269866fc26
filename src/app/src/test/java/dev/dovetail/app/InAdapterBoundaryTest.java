package dev.dovetail.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * In-adapters (the HTTP API and CalDAV) reach the core through its use cases ({@code ..port.in..}) only, never
 * through its out-ports: ownership, limits, the booking projection, time queries and the lock → compare-and-set →
 * announce sequence are decided in the core (ADR 34). No exception list: every class of both adapters obeys.
 */
@DisplayName("In-adapters (web, CalDAV) do not use the core's out-ports")
class InAdapterBoundaryTest {

  private static JavaClasses adapters;

  @BeforeAll
  static void importAdapters() {
    adapters = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
        .importPackages("dev.dovetail.web", "dev.dovetail.caldav");
  }

  @Test
  @DisplayName("the import sees both adapters, so the rule cannot pass vacuously")
  void bothAdaptersAreImported() {
    assertThat(adapters.stream().map(JavaClass::getPackageName))
        .anyMatch(p -> p.startsWith("dev.dovetail.web"))
        .anyMatch(p -> p.startsWith("dev.dovetail.caldav"));
  }

  @Test
  @DisplayName("no class of web or caldav depends on a ..port.out.. type")
  void inAdaptersUseNoOutPort() {
    ArchCondition<JavaClass> noOutPorts = new ArchCondition<>("not depend on ..port.out.. types") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        for (Dependency d : item.getDirectDependenciesFromSelf()) {
          JavaClass target = d.getTargetClass().isArray() ? d.getTargetClass().getBaseComponentType()
              : d.getTargetClass();
          if (target.getPackageName().contains(".port.out")) {
            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
          }
        }
      }
    };
    classes().that().resideInAnyPackage("dev.dovetail.web..", "dev.dovetail.caldav..")
        .should(noOutPorts)
        .because("in-adapters translate protocols; the core's use cases own the out-ports")
        .check(adapters);
  }
}
