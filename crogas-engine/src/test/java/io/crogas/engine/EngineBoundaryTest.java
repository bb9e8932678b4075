package io.crogas.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * PRODUCT.md §2: the engine depends on the domain and the JDK only, so it runs on any adapters; the
 * last test proves the rule catches a deliberate violation.
 */
class EngineBoundaryTest {
  static final ArchRule ENGINE_ON_DOMAIN_ONLY =
      classes()
          .that()
          .resideInAPackage("io.crogas.engine..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("io.crogas.engine..", "io.crogas.domain..", "java..")
          .because("the engine drives the domain's ports and knows no adapter");

  @Test
  void givenTheEngine_whenItsDependenciesAreChecked_thenOnlyTheDomainAndTheJdk() {
    JavaClasses engine =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.crogas.engine");

    assertThat(engine.contain(RelayerEngine.class)).isTrue();
    ENGINE_ON_DOMAIN_ONLY.check(engine);
  }

  @Test
  void givenAnEngineClassThatUsesATestFixture_whenChecked_thenTheRuleFails() {
    JavaClasses offender = new ClassFileImporter().importClasses(Offender.class);

    assertThat(ENGINE_ON_DOMAIN_ONLY.evaluate(offender).hasViolation()).isTrue();
  }

  /** Lives in the engine's package but reaches for the test fixtures: what the rule forbids. */
  static final class Offender {
    Object use() {
      return new io.crogas.testfixtures.FakeChain();
    }
  }
}
