package io.crogas.cli.command;

import io.crogas.chain.KeystoreFiles;
import io.crogas.chain.KeystoreFiles.Written;
import io.crogas.cli.CliContext;
import io.crogas.cli.CliFailure;
import io.crogas.cli.keys.PasswordSource;
import io.crogas.cli.keys.UnlockedKey;
import io.crogas.domain.model.Address;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crogas keys}: V3 keystore files that geth and cast read. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Relayer and user keys in Ethereum V3 keystore files (scrypt).",
    subcommands = {
      KeysCommand.Generate.class,
      KeysCommand.Encrypt.class,
      KeysCommand.ShowAddress.class
    })
public final class KeysCommand {
  private KeysCommand() {}

  static Map<String, Object> written(Written written) {
    return Output.fields("address", written.address().value(), "file", written.file().toString());
  }

  static String describe(Written written) {
    return "address " + written.address() + "\nfile    " + written.file();
  }

  static KeystoreFiles.Strength strength(boolean light) {
    return light ? KeystoreFiles.Strength.LIGHT : KeystoreFiles.Strength.STANDARD;
  }

  /** {@code crogas keys generate}. */
  @Command(
      name = "generate",
      mixinStandardHelpOptions = true,
      description = "Generate a new key into a keystore file in DIR; print its address and file.")
  public static final class Generate implements Callable<Integer> {
    private final CliContext context;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory.")
    Path directory;

    @ArgGroup(multiplicity = "1")
    PasswordOptions password;

    @Option(names = "--light", description = "Light scrypt (N=4096): tests and dev keys only.")
    boolean light;

    public Generate(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      PasswordSource.Secret secret = password.source().read(context.environment());
      Written written =
          KeystoreFiles.generate(directory, secret.keystorePassword(), strength(light));
      Output.of(spec, json.enabled).result(written(written), describe(written));
      return 0;
    }
  }

  /** {@code crogas keys encrypt}: the key comes from an environment variable, never an argument. */
  @Command(
      name = "encrypt",
      mixinStandardHelpOptions = true,
      description = "Encrypt an existing private key (hex, from an environment variable) into DIR.")
  public static final class Encrypt implements Callable<Integer> {
    private final CliContext context;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Option(
        names = "--private-key-env",
        required = true,
        paramLabel = "NAME",
        description = "Environment variable holding the private key (64 hex digits, 0x optional).")
    String keyVariable;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory.")
    Path directory;

    @ArgGroup(multiplicity = "1")
    PasswordOptions password;

    @Option(names = "--light", description = "Light scrypt (N=4096): tests and dev keys only.")
    boolean light;

    public Encrypt(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      String key = context.environment().get(keyVariable);
      if (key == null || key.isBlank()) {
        throw new CliFailure("the environment variable " + keyVariable + " is not set or empty");
      }
      PasswordSource.Secret secret = password.source().read(context.environment());
      Written written =
          KeystoreFiles.encrypt(key.strip(), directory, secret.keystorePassword(), strength(light));
      Output.of(spec, json.enabled).result(written(written), describe(written));
      return 0;
    }
  }

  /** {@code crogas keys address}. */
  @Command(
      name = "address",
      mixinStandardHelpOptions = true,
      description = {
        "Print the address of a keystore file.",
        "Read from the file without a password; files without an address field (cast's) need"
            + " --password-env or --password-file to decrypt."
      })
  public static final class ShowAddress implements Callable<Integer> {
    private final CliContext context;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Parameters(paramLabel = "FILE", description = "A V3 keystore file.")
    Path file;

    @ArgGroup PasswordOptions password;

    public ShowAddress(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Address address = password == null ? declared() : decrypted();
      Output.of(spec, json.enabled)
          .result(
              Output.fields("address", address.value(), "file", file.toString()), address.value());
      return 0;
    }

    private Address declared() {
      Optional<Address> declared = KeystoreFiles.address(file);
      return declared.orElseThrow(
          () ->
              new CliFailure(
                  file
                      + " does not declare its address (cast leaves it out): pass"
                      + " --password-env or --password-file to decrypt it"));
    }

    private Address decrypted() {
      return UnlockedKey.open(file, password.source().read(context.environment())).address();
    }
  }
}
