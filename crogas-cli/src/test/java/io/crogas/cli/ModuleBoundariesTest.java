package io.crogas.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import io.crogas.chain.violation.StoreReachingAdapter;
import org.junit.jupiter.api.Test;

/**
 * PRODUCT.md §2 across modules: adapters never depend on each other, only the composition root
 * knows them all, and the modules' packages have no cycles. The last test proves the rule catches a
 * deliberate violation.
 */
class ModuleBoundariesTest {
  private static final JavaClasses ALL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.crogas");

  private static ArchRule adapterStaysAlone(String adapter, String... others) {
    return noClasses()
        .that()
        .resideInAPackage(adapter)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(others)
        .allowEmptyShould(true)
        .because("adapters depend inward on the domain, never on each other");
  }

  static final ArchRule ADAPTERS_ARE_INDEPENDENT =
      CompositeArchRule.of(
              adapterStaysAlone(
                  "io.crogas.chain..", "io.crogas.store..", "io.crogas.http..", "io.crogas.cli.."))
          .and(
              adapterStaysAlone(
                  "io.crogas.store..", "io.crogas.chain..", "io.crogas.http..", "io.crogas.cli.."))
          .and(
              adapterStaysAlone(
                  "io.crogas.http..", "io.crogas.chain..", "io.crogas.store..", "io.crogas.cli.."))
          .and(
              adapterStaysAlone(
                  "io.crogas.domain..",
                  "io.crogas.chain..",
                  "io.crogas.store..",
                  "io.crogas.http..",
                  "io.crogas.cli.."));

  @Test
  void givenEveryModule_whenChecked_thenAdaptersNeverDependOnEachOther() {
    assertThat(ALL.containPackage("io.crogas.chain")).isTrue();
    assertThat(ALL.containPackage("io.crogas.store.sqlite")).isTrue();
    assertThat(ALL.containPackage("io.crogas.engine")).isTrue();
    ADAPTERS_ARE_INDEPENDENT.check(ALL);
  }

  @Test
  void givenEveryModule_whenSliced_thenNoCycles() {
    slices().matching("io.crogas.(*)..").should().beFreeOfCycles().check(ALL);
  }

  @Test
  void givenAChainAdapterClassThatUsesTheStore_whenChecked_thenTheRuleFails() {
    JavaClasses offender = new ClassFileImporter().importClasses(StoreReachingAdapter.class);

    assertThat(ADAPTERS_ARE_INDEPENDENT.evaluate(offender).hasViolation()).isTrue();
  }
}
