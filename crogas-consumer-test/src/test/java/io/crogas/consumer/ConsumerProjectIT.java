package io.crogas.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.chain.ContractDeployer;
import io.crogas.chain.Deployment;
import io.crogas.chain.DeploymentPlan;
import io.crogas.chain.JsonRpc;
import io.crogas.chain.NetworkProfile;
import io.crogas.chain.TransactionSender;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.ChainId;
import io.crogas.eip712.Secp256k1;
import io.crogas.testkit.AnvilChain;
import io.crogas.testkit.Toolchain;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * What an embedder meets, checked on every build: a Maven project outside this build that imports
 * crogas-bom and depends on crogas-node ({@code library}), or on crogas-node with its optional
 * crogas-http-javalin and crogas-secp256k1-native ({@code full}), built offline against this
 * build's artifacts (laid out as {@code install} lays them out; see the pom) with the local
 * repository as a read-only tail for third-party artifacts. Before the BOM, such a project resolved
 * ASM 9.2 next to 9.10.1, three Kotlin runtimes, and logback printing CroGas's logs on its standard
 * output.
 */
class ConsumerProjectIT {
  private static final Path ROOT = Toolchain.root();
  private static final Path REPOSITORY = Path.of(System.getProperty("crogas.consumerRepository"));
  private static final Duration MAVEN_LIMIT = Duration.ofSeconds(120);

  private static final Set<String> LOGGING_GROUPS =
      Set.of("ch.qos.logback", "org.slf4j", "org.apache.logging.log4j", "log4j", "commons-logging");

  @TempDir static Path work;

  private static Bom bom;
  private static List<Resolved> library;
  private static List<Resolved> full;
  private static List<Resolved> node;

  @BeforeAll
  static void buildTheConsumerProject() throws Exception {
    String version = Pom.read(ROOT.resolve("pom.xml")).text("version");
    // The pom's copy-dependencies laid out the modules; `install` also puts the parent pom there.
    Path parent = REPOSITORY.resolve("io/crogas/crogas-parent/" + version);
    Files.createDirectories(parent);
    Files.copy(
        ROOT.resolve("pom.xml"),
        parent.resolve("crogas-parent-" + version + ".pom"),
        StandardCopyOption.REPLACE_EXISTING);
    bom = Bom.read(REPOSITORY.resolve("io/crogas/crogas-bom/" + version), version);

    Path consumer = ConsumerProject.create(work.resolve("consumer"), version);
    maven(
        consumer,
        "compile",
        "dependency:tree",
        "-DoutputFile=tree.txt",
        "dependency:build-classpath",
        "-Dmdep.outputFile=classpath.txt",
        "-DincludeScope=runtime");
    library = Resolved.tree(consumer.resolve("library/tree.txt"));
    full = Resolved.tree(consumer.resolve("full/tree.txt"));

    Path nodeTree = work.resolve("crogas-node-tree.txt");
    maven(ROOT.resolve("crogas-node"), "dependency:tree", "-DoutputFile=" + nodeTree);
    node = Resolved.tree(nodeTree);
  }

  @Test
  void givenAProjectOnCrogasNode_whenResolved_thenNoCommandLineNoLoggingAndNoHttpServer() {
    assertThat(library).extracting(Resolved::key).contains("io.crogas:crogas-node");
    assertThat(library)
        .extracting(Resolved::key)
        .doesNotContain("info.picocli:picocli", "io.crogas:crogas-cli", "io.javalin:javalin");
    assertThat(library).noneMatch(d -> d.group().startsWith("org.eclipse.jetty"));
    assertThat(library).noneMatch(ConsumerProjectIT::takesOverLogging);
  }

  @Test
  void givenAProjectThatAddsTheOptionalModules_whenResolved_thenJavalinButNoCliOrLoggingBackend() {
    assertThat(full)
        .extracting(Resolved::key)
        .contains(
            "io.crogas:crogas-http-javalin",
            "io.javalin:javalin",
            "io.crogas:crogas-secp256k1-native")
        .doesNotContain("info.picocli:picocli", "io.crogas:crogas-cli");
    assertThat(full).noneMatch(ConsumerProjectIT::takesOverLogging);
  }

  @Test
  void givenEitherProject_whenResolved_thenEveryLibraryTheBomPinsIsAtItsVersion() {
    for (List<Resolved> tree : List.of(library, full)) {
      for (Resolved dependency : tree) {
        String pinned = bom.versions().get(dependency.key());
        if (pinned != null) {
          assertThat(dependency.version()).as(dependency.key()).isEqualTo(pinned);
        }
      }
      assertThat(versionsOf(tree, "org.jetbrains.kotlin"))
          .as("one Kotlin runtime")
          .containsExactly(bom.versions().get("org.jetbrains.kotlin:kotlin-stdlib"));
      assertThat(versionsOf(tree, "org.ow2.asm"))
          .containsExactly(bom.versions().get("org.ow2.asm:asm"));
      assertThat(versionsOf(tree, "org.slf4j"))
          .containsExactly(bom.versions().get("org.slf4j:slf4j-bom"));
    }
  }

  @Test
  void givenCrogasNodesOwnTree_whenPrinted_thenTheHttpAdapterIsOptionalAndNoCliOrBackend() {
    assertThat(node)
        .filteredOn(d -> d.key().equals("io.crogas:crogas-http-javalin"))
        .singleElement()
        .matches(Resolved::optional, "optional");
    assertThat(node)
        .filteredOn(
            d -> d.group().equals("io.javalin") || d.group().startsWith("org.eclipse.jetty"))
        .isNotEmpty()
        .allMatch(Resolved::optional, "optional");
    assertThat(node).extracting(Resolved::key).doesNotContain("info.picocli:picocli");
    assertThat(node).noneMatch(ConsumerProjectIT::takesOverLogging);
  }

  @Test
  void givenTheLibraryPagesExample_whenRunOnTheProjectsClassPath_thenTheCallIsRelayedSilently()
      throws Exception {
    try (AnvilChain anvil = AnvilChain.start();
        JsonRpc rpc = JsonRpc.connect(anvil.rpcUrl(), Duration.ofSeconds(10))) {
      ContractDeployer deployer =
          new ContractDeployer(
              new TransactionSender(
                  rpc,
                  NetworkProfile.cronos(new ChainId(anvil.chainId())),
                  AnvilChain.DEV_KEYS.get(0),
                  Duration.ofSeconds(30)));
      Deployment deployment =
          deployer.deploy(
              DeploymentPlan.mirroringCronosUsdc(
                  Address.parse(AnvilChain.DEV_ADDRESSES.get(2)),
                  Address.parse(AnvilChain.DEV_ADDRESSES.get(0)),
                  List.of(Address.parse(AnvilChain.DEV_ADDRESSES.get(1)))));
      BigInteger userKey = BigInteger.valueOf(88).add(BigInteger.TWO.pow(160));
      deployer.mint(
          deployment.usdc(), Address.of(Secp256k1.address(userKey)), BigInteger.valueOf(5_000_000));

      Path library = work.resolve("consumer/library");
      String classPath =
          library.resolve("target/classes")
              + java.io.File.pathSeparator
              + Files.readString(library.resolve("classpath.txt")).strip();
      Process run =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  classPath,
                  "example.RelayOnce",
                  anvil.rpcUrl(),
                  deployment.forwarder().toString(),
                  deployment.usdc().toString(),
                  AnvilChain.DEV_KEYS.get(1),
                  work.resolve("embedded.db").toString(),
                  userKey.toString(16),
                  deployment.demoTarget().toString(),
                  FunctionEncoder.encode(new Function("store", List.of(new Uint256(7)), List.of())))
              .redirectOutput(work.resolve("run.out").toFile())
              .redirectError(work.resolve("run.err").toFile())
              .start();
      boolean exited = run.waitFor(90, java.util.concurrent.TimeUnit.SECONDS);
      if (!exited) {
        run.destroyForcibly();
      }
      String err = Files.readString(work.resolve("run.err"));

      assertThat(exited).as("the example's JVM exits once the node is closed\n" + err).isTrue();
      assertThat(run.exitValue()).as(err).isZero();
      // Nothing but the example's own line: no log lines on the host's standard output.
      assertThat(Files.readString(work.resolve("run.out"))).isEqualTo("CONFIRMED\n");
      String lastValue =
          anvil.rpc(
              "eth_call",
              "[{\"to\":\""
                  + deployment.demoTarget()
                  + "\",\"data\":\""
                  + FunctionEncoder.encode(new Function("lastValue", List.of(), List.of()))
                  + "\"},\"latest\"]");
      assertThat(lastValue).contains("\"result\":\"0x" + "0".repeat(63) + "7\"");
    }
  }

  @Test
  void givenThePublishedJars_whenReadAsModules_thenEachHasSourcesAndItsRootPackageAsName()
      throws Exception {
    Map<String, String> packageOwners = new HashMap<>();
    List<String> names = new ArrayList<>();
    for (String artifact : bom.crogasJars()) {
      Path dir = REPOSITORY.resolve("io/crogas/" + artifact + "/" + bom.version());
      Path jar = dir.resolve(artifact + "-" + bom.version() + ".jar");
      assertThat(dir.resolve(artifact + "-" + bom.version() + ".pom")).exists();
      assertThat(dir.resolve(artifact + "-" + bom.version() + "-sources.jar")).exists();

      ModuleDescriptor module = ModuleFinder.of(jar).findAll().iterator().next().descriptor();
      assertThat(module.isAutomatic()).isTrue();
      assertThat(module.name()).as(artifact).startsWith("io.crogas.");
      assertThat(module.packages()).as(artifact).contains(module.name());
      for (String pkg : module.packages()) {
        assertThat(packageOwners.put(pkg, artifact)).as("split package " + pkg).isNull();
      }
      names.add(module.name());
    }
    assertThat(names).doesNotHaveDuplicates().hasSize(bom.crogasJars().size());
  }

  /** A logging backend or bridge (anything but the SLF4J API): the host's logging is its own. */
  private static boolean takesOverLogging(Resolved dependency) {
    return LOGGING_GROUPS.contains(dependency.group())
        && !dependency.key().equals("org.slf4j:slf4j-api");
  }

  private static List<String> versionsOf(List<Resolved> tree, String group) {
    return tree.stream()
        .filter(d -> d.group().equals(group))
        .map(Resolved::version)
        .distinct()
        .toList();
  }

  /**
   * Runs this build's Maven offline on {@code project}: CroGas artifacts from the copy, everything
   * else (plugins too) read from the local repository, which the run never writes to.
   */
  private static void maven(Path project, String... goals) throws Exception {
    String home = System.getProperty("crogas.mavenHome", "");
    Path executable = home.isEmpty() ? ROOT.resolve("mvnw") : Path.of(home, "bin", "mvn");
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(
        List.of(
            "-B",
            "-o",
            "-Dstyle.color=never",
            "-f",
            project.resolve("pom.xml").toString(),
            "-Dmaven.repo.local=" + REPOSITORY,
            "-Dmaven.repo.local.tail=" + System.getProperty("crogas.localRepository")));
    command.addAll(List.of(goals));
    Path log = Files.createTempFile(work, "maven-", ".log");
    Process maven =
        new ProcessBuilder(command)
            .directory(project.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean exited = maven.waitFor(MAVEN_LIMIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    if (!exited) {
      maven.destroyForcibly();
    }
    String output = Files.readString(log);
    assertThat(exited && maven.exitValue() == 0)
        .as("%s\n%s", String.join(" ", command), output)
        .isTrue();
  }

  /**
   * One line of {@code mvn dependency:tree}: {@code
   * group:artifact:type[:classifier]:version:scope}.
   */
  record Resolved(String group, String artifact, String version, String scope, boolean optional) {
    private static final Pattern LINE =
        Pattern.compile(
            "([\\w.\\-]+):([\\w.\\-]+):[\\w\\-]+(?::[\\w.\\-]+)?:([\\w.\\-]+):"
                + "(compile|runtime|provided|system|test)( \\(optional\\))?$");

    String key() {
      return group + ":" + artifact;
    }

    static List<Resolved> tree(Path file) throws java.io.IOException {
      List<Resolved> all = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        Matcher match = LINE.matcher(line.strip());
        if (match.find()) {
          all.add(
              new Resolved(
                  match.group(1),
                  match.group(2),
                  match.group(3),
                  match.group(4),
                  match.group(5) != null));
        }
      }
      assertThat(all).as("dependencies in " + file).isNotEmpty();
      return all;
    }
  }
}
