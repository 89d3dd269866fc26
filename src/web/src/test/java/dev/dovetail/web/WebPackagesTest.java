package dev.dovetail.web;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The web adapter is packaged by feature (ADR 64): each feature package holds its handlers and its JSON codecs;
 * {@code http} is the shared plumbing and {@code codec} the JSON more than one feature writes; only the top-level
 * package ({@code ApiRouter}, {@code Services}) composes the features.
 */
@DisplayName("src/web is packaged by feature: http and codec know no feature, features know no other feature")
class WebPackagesTest {

  private static final String HTTP = "dev.dovetail.web.http..";
  private static final String CODEC = "dev.dovetail.web.codec..";
  private static final String NO_X = "dev\\.dovetail\\.web\\..*\\.No[A-Z]\\w*";

  private static JavaClasses web;

  @BeforeAll
  static void importMainCode() {
    web = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.dovetail.web");
  }

  @Test
  @DisplayName("the import sees http, codec, the composition and the feature packages, so no rule passes vacuously")
  void everyPartIsImported() {
    assertThat(web.stream().map(JavaClass::getPackageName).distinct())
        .contains("dev.dovetail.web", "dev.dovetail.web.http", "dev.dovetail.web.codec", "dev.dovetail.web.booking",
            "dev.dovetail.web.catalog", "dev.dovetail.web.account", "dev.dovetail.web.payment",
            "dev.dovetail.web.pages");
  }

  @Test
  @DisplayName("http is plumbing: it depends on no other web package, not even the composition")
  void httpKnowsNoFeature() {
    noClasses().that().resideInAPackage(HTTP)
        .should().dependOnClassesThat(resideInAPackage("dev.dovetail.web..").and(not(resideInAPackage(HTTP))))
        .check(web);
  }

  @Test
  @DisplayName("codec, the JSON several features write, depends on http only")
  void sharedCodecsKnowNoFeature() {
    noClasses().that().resideInAPackage(CODEC)
        .should().dependOnClassesThat(resideInAPackage("dev.dovetail.web..")
            .and(not(resideInAnyPackage(HTTP, CODEC))))
        .check(web);
  }

  @Test
  @DisplayName("feature packages do not depend on one another, only on http and codec")
  void featuresAreIndependent() {
    slices().matching("dev.dovetail.web.(*)..")
        .should().notDependOnEachOther()
        .ignoreDependency(alwaysTrue(), resideInAnyPackage(HTTP, CODEC))
        .check(web);
  }

  @Test
  @DisplayName("a feature's \"off\" (a class NoX) is built by Services only, the one place that says what off answers")
  void featureOffDefaultsLiveBehindServices() {
    classes().that().haveNameMatching(NO_X)
        .should().onlyBeAccessed().byClassesThat(belongToAnyOf(Services.class).or(nameMatching(NO_X)))
        .check(web);
  }
}
