package dev.dovetail;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule of the hexagon, enforced on the compiled booking core: the domain is plain Java, ports and use
 * cases see nothing of Vert.x but {@code Future} and {@code Promise}, and the layers depend inward only.
 */
@DisplayName("The booking core keeps the dependency rule")
class ArchitectureTest {

  private static final String[] DOMAINS = {
    "dev.dovetail.booking.domain..", "dev.dovetail.account.domain..", "dev.dovetail.notification.domain..",
    "dev.dovetail.calendar.domain..", "dev.dovetail.payment.domain..", "dev.dovetail.waitlist.domain..",
    "dev.dovetail.insights.domain.."
  };
  private static final String[] PORTS_AND_APPS = {
    "dev.dovetail.booking.port..", "dev.dovetail.booking.app..", "dev.dovetail.account.port..",
    "dev.dovetail.account.app..", "dev.dovetail.notification.port..", "dev.dovetail.notification.app..",
    "dev.dovetail.calendar.port..", "dev.dovetail.calendar.app..", "dev.dovetail.payment.port..", "dev.dovetail.payment.app..",
    "dev.dovetail.waitlist.port..", "dev.dovetail.waitlist.app..", "dev.dovetail.insights.port..",
    "dev.dovetail.insights.app.."
  };
  private static final Set<String> ALLOWED_VERTX = Set.of("io.vertx.core.Future", "io.vertx.core.Promise");

  /** Accepted exceptions, one entry per origin and target ("Origin.method -> target class"); keep it empty. */
  private static final Set<String> KNOWN_VIOLATIONS = Set.of();

  private static final Pattern ORIGIN_MEMBER = Pattern.compile("^[A-Za-z ]+<([^>(]+)");

  private static JavaClasses core;

  @BeforeAll
  static void importCore() {
    core = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.dovetail");
  }

  @Test
  @DisplayName("the classes checked include the booking and account domains, ports and use cases")
  void theImportSeesEveryLayer() {
    for (String pkg : new String[] {
      "dev.dovetail.kernel",
      "dev.dovetail.booking.domain", "dev.dovetail.booking.port.in", "dev.dovetail.booking.port.out",
      "dev.dovetail.booking.app", "dev.dovetail.account.domain", "dev.dovetail.account.port.in",
      "dev.dovetail.account.port.out", "dev.dovetail.account.app", "dev.dovetail.notification.domain",
      "dev.dovetail.notification.port.in", "dev.dovetail.notification.port.out", "dev.dovetail.notification.app",
      "dev.dovetail.payment.domain", "dev.dovetail.payment.port.in", "dev.dovetail.payment.port.out",
      "dev.dovetail.payment.app", "dev.dovetail.waitlist.domain", "dev.dovetail.waitlist.port.in",
      "dev.dovetail.waitlist.port.out", "dev.dovetail.waitlist.app", "dev.dovetail.insights.domain",
      "dev.dovetail.insights.port.in", "dev.dovetail.insights.app"
    }) {
      if (core.stream().noneMatch(c -> c.getPackageName().equals(pkg))) {
        throw new AssertionError("no classes imported from " + pkg + ": the rules below would pass vacuously");
      }
    }
  }

  @Test
  @DisplayName("domain classes depend on java.* and on domain classes only")
  void domainDependsOnJavaOnly() {
    ArchRule rule = classes().that().resideInAnyPackage(DOMAINS)
        .should().onlyDependOnClassesThat(resideInAnyPackageOrIsArray(
            "java..", "dev.dovetail.kernel..", "dev.dovetail.booking.domain..", "dev.dovetail.account.domain..",
            "dev.dovetail.notification.domain..", "dev.dovetail.calendar.domain..", "dev.dovetail.payment.domain..",
            "dev.dovetail.waitlist.domain..", "dev.dovetail.insights.domain.."))
        .because("the domain is pure Java: no framework, no adapter, no port or use case");
    rule.check(core);
  }

  @Test
  @DisplayName("the shared kernel depends on java.* only, and on nothing of any feature")
  void kernelDependsOnJavaOnly() {
    classes().that().resideInAPackage("dev.dovetail.kernel..")
        .should().onlyDependOnClassesThat(resideInAnyPackageOrIsArray("java..", "dev.dovetail.kernel.."))
        .because("every feature and adapter shares the kernel, so it can know none of them")
        .check(core);
  }

  @Test
  @DisplayName("ports and use cases use nothing from Vert.x but Future and Promise, and no other library")
  void portsAndAppsUseOnlyFutureFromVertx() {
    DescribedPredicate<JavaClass> allowed = DescribedPredicate.describe(
        "in java.., javax.crypto.., dev.dovetail.. or one of " + ALLOWED_VERTX,
        c -> {
          JavaClass base = c.isArray() ? c.getBaseComponentType() : c;
          String pkg = base.getPackageName();
          return pkg.equals("java") || pkg.startsWith("java.") || pkg.startsWith("javax.crypto")
              || pkg.startsWith("dev.dovetail")
              || ALLOWED_VERTX.contains(base.getName()) || base.isPrimitive();
        });
    ArchCondition<JavaClass> onlyAllowedDependencies =
        new ArchCondition<>("only depend on classes that are " + allowed.getDescription()) {
          @Override
          public void check(JavaClass item, ConditionEvents events) {
            for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
              if (!allowed.test(dependency.getTargetClass()) && !KNOWN_VIOLATIONS.contains(origin(dependency))) {
                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
              }
            }
          }
        };
    ArchRule rule = classes().that().resideInAnyPackage(PORTS_AND_APPS)
        .should(onlyAllowedDependencies)
        .because("the core stays framework-light: Future keeps the event loop's contract, nothing more");
    rule.check(core);
  }

  @Test
  @DisplayName("the domain depends on no port and no use case")
  void domainDoesNotDependOnOuterLayers() {
    noClasses().that().resideInAnyPackage(DOMAINS)
        .should().dependOnClassesThat().resideInAnyPackage(PORTS_AND_APPS)
        .check(core);
  }

  @Test
  @DisplayName("ports depend on no use case")
  void portsDoNotDependOnUseCases() {
    noClasses().that().resideInAnyPackage(
            "dev.dovetail.booking.port..", "dev.dovetail.account.port..", "dev.dovetail.notification.port..",
            "dev.dovetail.payment.port..", "dev.dovetail.waitlist.port..", "dev.dovetail.insights.port..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("dev.dovetail.booking.app..", "dev.dovetail.account.app..",
            "dev.dovetail.notification.app..", "dev.dovetail.payment.app..", "dev.dovetail.waitlist.app..",
            "dev.dovetail.insights.app..")
        .check(core);
  }

  @Test
  @DisplayName("there is no dependency cycle between the domain, port and use-case packages")
  void noCyclesBetweenLayers() {
    slices().matching("dev.dovetail.(*).(**)").namingSlices("$1.$2")
        .should().beFreeOfCycles()
        .check(core);
  }

  /** "Origin.member -> target class", the origin member taken from the description ("Method <a.B.m(..)> calls ..."). */
  private static String origin(Dependency dependency) {
    Matcher member = ORIGIN_MEMBER.matcher(dependency.getDescription());
    String from = member.find() ? member.group(1) : dependency.getOriginClass().getName();
    return from + " -> " + dependency.getTargetClass().getName();
  }

  private static DescribedPredicate<JavaClass> resideInAnyPackageOrIsArray(String... packages) {
    DescribedPredicate<JavaClass> inPackages = JavaClass.Predicates.resideInAnyPackage(packages);
    return DescribedPredicate.describe(
        "reside in any package " + String.join(", ", packages),
        c -> {
          JavaClass base = c.isArray() ? c.getBaseComponentType() : c;
          return base.isPrimitive() || inPackages.test(base);
        });
  }
}
