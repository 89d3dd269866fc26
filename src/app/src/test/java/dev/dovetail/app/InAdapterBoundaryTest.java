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
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * In-adapters (the HTTP API and CalDAV) reach the core through its use cases ({@code ..port.in..}) only, never
 * through its out-ports: ownership, limits and the lock → compare-and-set → announce sequence are decided in the
 * core (ADR 34). The classes that still reach an out-port are listed by name below; the list only shrinks.
 */
@DisplayName("In-adapters (web, CalDAV) do not use the core's out-ports")
class InAdapterBoundaryTest {

  /**
   * Still using the store directly: the CalDAV read side (booking projection, view cache and time index, free-busy
   * blocks), the hourly busy-time refresh, and the services record that wires the use cases. Dead properties are
   * written through WriteCalendar and the webcal feed token is read through ReadCalendar; the next step is the
   * object, time-range and change reads in ReadCalendar (ADR 34).
   */
  private static final Set<String> NOT_YET_MOVED = Set.of(
      "dev.dovetail.caldav.CalDavServices",
      "dev.dovetail.caldav.backend.CalendarBackend",
      "dev.dovetail.caldav.backend.BusyTimeRefresh");

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
  @DisplayName("no class of web or caldav depends on a ..port.out.. type (but the named ones not yet moved)")
  void inAdaptersUseNoOutPort() {
    ArchCondition<JavaClass> noOutPorts = new ArchCondition<>("not depend on ..port.out.. types") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        String top = item.getName().contains("$") ? item.getName().substring(0, item.getName().indexOf('$'))
            : item.getName();
        if (NOT_YET_MOVED.contains(top)) {
          return;
        }
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

  @Test
  @DisplayName("every class named as not yet moved exists, so the list cannot go stale")
  void exceptionsExist() {
    for (String name : NOT_YET_MOVED) {
      assertThat(adapters.contain(name)).as(name).isTrue();
    }
  }
}
