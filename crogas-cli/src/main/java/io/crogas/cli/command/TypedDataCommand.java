package io.crogas.cli.command;

import io.crogas.cli.CliContext;
import io.crogas.cli.CliFailure;
import io.crogas.cli.keys.UnlockedKey;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.Signature;
import io.crogas.eip712.Recovery;
import io.crogas.eip712.Secp256k1;
import io.crogas.eip712.TypedDataEncoder;
import io.crogas.eip712.TypedDataJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crogas typed-data}: EIP-712 documents in the {@code eth_signTypedData_v4} shape. */
@Command(
    name = "typed-data",
    mixinStandardHelpOptions = true,
    description = "Hash, sign and recover eth_signTypedData_v4 JSON files (EIP-712).",
    subcommands = {
      TypedDataCommand.HashFiles.class,
      TypedDataCommand.SignFile.class,
      TypedDataCommand.RecoverSigner.class
    })
public final class TypedDataCommand {
  private TypedDataCommand() {}

  /** The EIP-712 digest of a file's document; a malformed one names the file and the path. */
  static Hash32 digest(Path file) {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliFailure("cannot read " + file, e);
    }
    try {
      return Hash32.of(TypedDataEncoder.digest(TypedDataJson.parse(json)));
    } catch (IllegalArgumentException e) {
      throw new CliFailure(file + ": " + e.getMessage(), e);
    }
  }

  /** {@code crogas typed-data hash FILE...}. */
  @Command(
      name = "hash",
      mixinStandardHelpOptions = true,
      description = "Print each file's EIP-712 digest (0x, one per line, in order).")
  public static final class HashFiles implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Typed-data JSON files.")
    List<Path> files;

    @Override
    public Integer call() {
      List<Map<String, Object>> digests =
          files.stream()
              .map(file -> Output.fields("file", file.toString(), "digest", digest(file).hex()))
              .toList();
      Output.of(spec, json.enabled)
          .result(
              digests,
              digests.stream()
                  .map(entry -> (String) entry.get("digest"))
                  .collect(Collectors.joining("\n")));
      return 0;
    }
  }

  /** {@code crogas typed-data sign FILE --keystore F --password-env N}. */
  @Command(
      name = "sign",
      mixinStandardHelpOptions = true,
      description =
          "Sign a file's EIP-712 digest with a keystore key; print the 65-byte signature.")
  public static final class SignFile implements Callable<Integer> {
    private final CliContext context;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Parameters(paramLabel = "FILE", description = "A typed-data JSON file.")
    Path file;

    @Option(names = "--keystore", required = true, paramLabel = "FILE", description = "Signer.")
    Path keystore;

    @ArgGroup(multiplicity = "1")
    PasswordOptions password;

    public SignFile(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Hash32 digest = digest(file);
      UnlockedKey key = UnlockedKey.open(keystore, password.source().read(context.environment()));
      Signature signature = key.sign(digest.bytes());
      Map<String, String> result = new LinkedHashMap<>();
      result.put("signer", key.address().value());
      result.put("digest", digest.hex());
      result.put("signature", signature.hex());
      Output.of(spec, json.enabled).result(result, signature.hex());
      return 0;
    }
  }

  /** {@code crogas typed-data recover FILE --signature 0x..}. */
  @Command(
      name = "recover",
      mixinStandardHelpOptions = true,
      description = "Print the address that signed a file's EIP-712 digest.")
  public static final class RecoverSigner implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Parameters(paramLabel = "FILE", description = "A typed-data JSON file.")
    Path file;

    @Option(
        names = "--signature",
        required = true,
        paramLabel = "0x..",
        description = "65-byte signature r||s||v (v 27/28 or 0/1).")
    Signature signature;

    @Override
    public Integer call() {
      Hash32 digest = digest(file);
      Recovery recovery = Secp256k1.recover(digest.bytes(), signature.bytes());
      if (recovery instanceof Recovery.Rejected rejected) {
        throw new CliFailure("the signature is not valid: " + rejected.message());
      }
      String address = ((Recovery.Recovered) recovery).address();
      Output.of(spec, json.enabled)
          .result(Output.fields("address", address, "digest", digest.hex()), address);
      return 0;
    }
  }
}
