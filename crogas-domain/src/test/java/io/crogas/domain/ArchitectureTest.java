package io.crogas.domain;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The module rules of PRODUCT.md §2: the core depends on the JDK (but not JDBC) and crogas-eip712
 * only, and its packages have no cycles. The last tests prove the rule catches deliberate
 * violations. (The rules between the core's own layers and the other modules are in crogas-cli's
 * ModuleBoundariesTest, where every module is on the class path.)
 */
class ArchitectureTest {
  private static final JavaClasses DOMAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.crogas.domain");

  /** The domain may use the JDK but JDBC, and the EIP-712 library, and nothing else. */
  static final ArchRule DOMAIN_IS_PURE =
      classes()
          .that()
          .resideInAPackage("io.crogas.domain..")
          .should()
          .onlyDependOnClassesThat(
              resideInAnyPackage("io.crogas.domain..", "io.crogas.eip712..", "java..")
                  .and(not(resideInAnyPackage("java.sql..")))
                  .as("the JDK but JDBC, the domain or crogas-eip712"))
          .because("the core must stay free of adapters, web3j, Javalin, Jackson and JDBC");

  @Test
  void givenTheDomain_whenItsDependenciesAreChecked_thenOnlyJdkAndEip712() {
    DOMAIN_IS_PURE.check(DOMAIN);
  }

  @Test
  void givenTheDomainPackages_whenSliced_thenNoCycles() {
    slices().matching("io.crogas.domain.(*)..").should().beFreeOfCycles().check(DOMAIN);
  }

  @Test
  void givenAClassThatImportsAnAdapterLibrary_whenChecked_thenTheRuleFails() {
    JavaClasses offender = new ClassFileImporter().importClasses(Offender.class);

    EvaluationResult result = DOMAIN_IS_PURE.evaluate(offender);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains("org.assertj");
  }

  @Test
  void givenAClassThatUsesJdbc_whenChecked_thenTheRuleFails() {
    JavaClasses offender = new ClassFileImporter().importClasses(JdbcOffender.class);

    EvaluationResult result = DOMAIN_IS_PURE.evaluate(offender);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains("java.sql.DriverManager");
  }

  /** Lives in a domain package but opens a database: the store adapter's job, never the core's. */
  static final class JdbcOffender {
    Object open(String url) throws java.sql.SQLException {
      return java.sql.DriverManager.getConnection(url);
    }
  }

  /** Lives in a domain package but uses a test library: exactly what the rule forbids. */
  static final class Offender {
    Object use() {
      return org.assertj.core.api.Assertions.assertThat(1);
    }
  }
}
