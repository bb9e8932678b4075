package io.crogas.cli;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.crogas.chain.violation.StoreReachingAdapter;
import io.crogas.cli.violation.ServiceBuildingCommand;
import io.crogas.domain.model.violation.PortReachingValue;
import io.crogas.domain.port.in.violation.ChainReachingUseCase;
import io.crogas.http.violation.ServiceReachingRoute;
import io.crogas.node.violation.CommandLineReachingNode;
import io.crogas.store.violation.UseCaseCallingStore;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PRODUCT.md §2 across modules, drawn as a hexagon the way buckpal draws one: layers by package,
 * one rule per arrow that must not exist. The core ({@code io.crogas.domain}: model, policies,
 * incoming ports {@code port.in}, outgoing ports {@code port.out}, services) knows no adapter; the
 * driven adapters (chain, store, prices) implement outgoing ports; the driving adapters (HTTP, CLI)
 * call incoming ports; the composition root ({@code io.crogas.node}) is the only place that builds
 * services, and knows no command line. Each rule is proven by a deliberate violation in this
 * module's test sources. (The engine's rule, the domain and the JDK only, is crogas-engine's
 * EngineBoundaryTest; the domain's purity, crogas-domain's ArchitectureTest.)
 */
class ModuleBoundariesTest {
  private static final JavaClasses ALL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.crogas");

  private static final String MODEL = "io.crogas.domain.model..";
  private static final String INCOMING_PORTS = "io.crogas.domain.port.in..";
  private static final String OUTGOING_PORTS = "io.crogas.domain.port.out..";
  private static final String[] DRIVEN_ADAPTERS = {
    "io.crogas.chain..", "io.crogas.store..", "io.crogas.prices.."
  };
  private static final String[] ADAPTERS = {
    "io.crogas.chain..",
    "io.crogas.store..",
    "io.crogas.prices..",
    "io.crogas.http..",
    "io.crogas.cli.."
  };
  private static final String ENGINE = "io.crogas.engine..";
  private static final String COMPOSITION_ROOT = "io.crogas.node..";

  /** The use-case implementations; their settings records are plain values anyone may build. */
  private static final DescribedPredicate<JavaClass> SERVICES =
      resideInAPackage("io.crogas.domain.service..")
          .and(not(assignableTo(Record.class)))
          .as("domain services");

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
                  "io.crogas.chain..",
                  "io.crogas.store..",
                  "io.crogas.prices..",
                  "io.crogas.http..",
                  "io.crogas.cli.."))
          .and(
              adapterStaysAlone(
                  "io.crogas.store..",
                  "io.crogas.chain..",
                  "io.crogas.prices..",
                  "io.crogas.http..",
                  "io.crogas.cli.."))
          .and(
              adapterStaysAlone(
                  "io.crogas.prices..",
                  "io.crogas.chain..",
                  "io.crogas.store..",
                  "io.crogas.http..",
                  "io.crogas.cli.."))
          .and(
              adapterStaysAlone(
                  "io.crogas.http..",
                  "io.crogas.chain..",
                  "io.crogas.store..",
                  "io.crogas.prices..",
                  "io.crogas.cli.."))
          .and(
              adapterStaysAlone(
                  "io.crogas.domain..",
                  "io.crogas.chain..",
                  "io.crogas.store..",
                  "io.crogas.prices..",
                  "io.crogas.http..",
                  "io.crogas.cli..",
                  ENGINE,
                  COMPOSITION_ROOT));

  static final ArchRule ADAPTERS_GO_THROUGH_PORTS =
      noClasses()
          .that()
          .resideInAnyPackage(ADAPTERS)
          .should()
          .dependOnClassesThat(SERVICES)
          .because("adapters reach the core through its ports and values; services are wired");

  static final ArchRule DRIVEN_ADAPTERS_CALL_NO_USE_CASE =
      noClasses()
          .that()
          .resideInAnyPackage(DRIVEN_ADAPTERS)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(INCOMING_PORTS)
          .because("chain, store and price feeds are driven: they implement outgoing ports");

  static final ArchRule ONLY_THE_COMPOSITION_ROOT_BUILDS_SERVICES =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              COMPOSITION_ROOT, "io.crogas.domain.service..", "io.crogas.testfixtures..")
          .should()
          .callConstructorWhere(target(owner(SERVICES)))
          .because("io.crogas.node wires the core (the test fixtures wire it for tests)");

  static final ArchRule MODEL_KNOWS_NO_PORT_OR_SERVICE =
      noClasses()
          .that()
          .resideInAPackage(MODEL)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.crogas.domain.port..", "io.crogas.domain.service..")
          .because("values are the innermost ring");

  static final ArchRule INCOMING_AND_OUTGOING_PORTS_APART =
      CompositeArchRule.of(
              noClasses()
                  .that()
                  .resideInAPackage(INCOMING_PORTS)
                  .should()
                  .dependOnClassesThat()
                  .resideInAPackage(OUTGOING_PORTS)
                  .allowEmptyShould(true))
          .and(
              noClasses()
                  .that()
                  .resideInAPackage(OUTGOING_PORTS)
                  .should()
                  .dependOnClassesThat()
                  .resideInAPackage(INCOMING_PORTS)
                  .allowEmptyShould(true))
          .because("a use case's callers never get hold of what the core drives");

  static final ArchRule NODE_KNOWS_NO_COMMAND_LINE =
      noClasses()
          .that()
          .resideInAPackage(COMPOSITION_ROOT)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.crogas.cli..", "picocli..", "ch.qos.logback..")
          .because("embedders depend on crogas-node: no command line, no logging backend");

  /** Each rule, and a class in this module's test sources that breaks it on purpose. */
  static Stream<Arguments> rulesAndTheirViolations() {
    return Stream.of(
        arguments(
            ADAPTERS_ARE_INDEPENDENT,
            StoreReachingAdapter.class,
            "io.crogas.store.sqlite.SqliteDatabase"),
        arguments(
            ADAPTERS_GO_THROUGH_PORTS,
            ServiceReachingRoute.class,
            "io.crogas.domain.service.MedianPriceFeed"),
        arguments(
            DRIVEN_ADAPTERS_CALL_NO_USE_CASE,
            UseCaseCallingStore.class,
            "io.crogas.domain.port.in.SubmitRelayUseCase"),
        arguments(
            ONLY_THE_COMPOSITION_ROOT_BUILDS_SERVICES,
            ServiceBuildingCommand.class,
            "io.crogas.domain.service.MedianPriceFeed.<init>"),
        arguments(
            MODEL_KNOWS_NO_PORT_OR_SERVICE,
            PortReachingValue.class,
            "io.crogas.domain.port.out.Journal"),
        arguments(
            INCOMING_AND_OUTGOING_PORTS_APART,
            ChainReachingUseCase.class,
            "io.crogas.domain.port.out.Chain"),
        arguments(
            NODE_KNOWS_NO_COMMAND_LINE, CommandLineReachingNode.class, "io.crogas.cli.CroGasCli"));
  }

  @ParameterizedTest
  @MethodSource("rulesAndTheirViolations")
  void givenEveryModule_whenALayerRuleIsChecked_thenItHolds(ArchRule rule) {
    assertThat(ALL.containPackage("io.crogas.chain")).isTrue();
    assertThat(ALL.containPackage("io.crogas.node")).isTrue();

    rule.check(ALL);
  }

  @ParameterizedTest
  @MethodSource("rulesAndTheirViolations")
  void givenADeliberateViolation_whenTheRuleIsChecked_thenItFailsOnThatDependency(
      ArchRule rule, Class<?> violation, String offendingTarget) {
    EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(violation));

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anyMatch(line -> line.contains(violation.getName()) && line.contains(offendingTarget));
  }

  @Test
  void givenEveryModule_whenSliced_thenNoCycles() {
    slices().matching("io.crogas.(*)..").should().beFreeOfCycles().check(ALL);
  }
}
