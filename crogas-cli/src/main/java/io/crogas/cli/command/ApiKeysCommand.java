package io.crogas.cli.command;

import io.crogas.cli.CliContext;
import io.crogas.cli.CliFailure;
import io.crogas.domain.model.ApiKey;
import io.crogas.node.NodeStores;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crogas apikeys}: issue, list and revoke the API keys facilitator clients send as {@code
 * Authorization: Bearer <key>}, in the store file {@code serve} uses (a running {@code serve} reads
 * them again every {@code CROGAS_API_KEY_REFRESH_SECONDS}).
 */
@Command(
    name = "apikeys",
    mixinStandardHelpOptions = true,
    description = "API keys of facilitator clients (Authorization: Bearer <key>).",
    subcommands = {
      ApiKeysCommand.Create.class,
      ApiKeysCommand.ListKeys.class,
      ApiKeysCommand.Revoke.class
    })
public final class ApiKeysCommand {
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeysCommand() {}

  private static Map<String, Object> document(ApiKey key) {
    return Output.fields(
        "id", key.id(),
        "label", key.label(),
        "perMinute", perMinute(key),
        "createdAt", key.createdAt().getEpochSecond(),
        "revokedAt", key.revokedAt().map(Instant::getEpochSecond).orElse(null));
  }

  private static Integer perMinute(ApiKey key) {
    OptionalInt limit = key.limits().requestsPerMinute();
    return limit.isPresent() ? limit.getAsInt() : null;
  }

  /** {@code crogas apikeys create --label ... [--per-minute N]}. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Issue a key; prints it once (the store keeps only its SHA-256).",
        "A running serve accepts it within CROGAS_API_KEY_REFRESH_SECONDS (default 2)."
      })
  public static final class Create implements Callable<Integer> {
    private final CliContext context;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;
    @Mixin StoreOptions store;

    @Option(
        names = "--label",
        required = true,
        paramLabel = "TEXT",
        description = "Who holds the key (shown by list).")
    String label;

    @Option(
        names = "--per-minute",
        paramLabel = "N",
        description =
            "Requests a minute this key may make (1..1000000); default:"
                + " CROGAS_API_KEY_PER_MINUTE of the server.")
    Integer perMinute;

    public Create(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      ApiKey.Issued issued;
      try {
        issued =
            ApiKey.issue(
                label,
                new ApiKey.Limits(
                    perMinute == null ? OptionalInt.empty() : OptionalInt.of(perMinute)),
                Instant.now(),
                RANDOM);
      } catch (IllegalArgumentException e) {
        throw new CliFailure("cannot create the key: " + e.getMessage(), e);
      }
      if (!store.open(context.environment(), NodeStores::apiKeys, keys -> keys.add(issued.key()))) {
        throw new CliFailure("key id " + issued.key().id() + " is taken; run create again");
      }
      Map<String, Object> document = document(issued.key());
      document.put("key", issued.secret());
      Output.of(spec, json.enabled)
          .result(
              document,
              String.join(
                  "\n",
                  "id         " + issued.key().id(),
                  "label      " + issued.key().label(),
                  "per minute " + limitText(issued.key()),
                  "key        " + issued.secret(),
                  "Keep the key: it is not shown again. Clients send Authorization: Bearer <key>."));
      return 0;
    }
  }

  /** {@code crogas apikeys list}: every key without its secret, revoked ones included. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Every key (never its secret), revoked ones included.")
  public static final class ListKeys implements Callable<Integer> {
    private final CliContext context;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;
    @Mixin StoreOptions store;

    public ListKeys(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      List<ApiKey> keys = store.open(context.environment(), NodeStores::apiKeys, k -> k.list());
      List<String> lines = new ArrayList<>();
      lines.add(keys.isEmpty() ? "no API keys (crogas apikeys create --label ...)" : "API keys:");
      keys.forEach(
          key ->
              lines.add(
                  "  "
                      + key.id()
                      + "  "
                      + (key.active() ? "active " : "revoked")
                      + "  "
                      + limitText(key)
                      + "/min  "
                      + key.label()));
      Output.of(spec, json.enabled)
          .result(
              Output.fields("apiKeys", keys.stream().map(ApiKeysCommand::document).toList()),
              String.join("\n", lines));
      return 0;
    }
  }

  /** {@code crogas apikeys revoke ID}. */
  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = {
        "Revoke a key: a running serve answers it 401 within CROGAS_API_KEY_REFRESH_SECONDS"
            + " (default 2)."
      })
  public static final class Revoke implements Callable<Integer> {
    private final CliContext context;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;
    @Mixin StoreOptions store;

    @Parameters(index = "0", paramLabel = "ID", description = "The key's id (key_...).")
    String id;

    public Revoke(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Instant now = Instant.now();
      if (!store.open(context.environment(), NodeStores::apiKeys, keys -> keys.revoke(id, now))) {
        throw new CliFailure(
            "no active key " + id + " (crogas apikeys list shows them and which are revoked)");
      }
      Output.of(spec, json.enabled)
          .result(Output.fields("revoked", id, "revokedAt", now.getEpochSecond()), "revoked " + id);
      return 0;
    }
  }

  private static String limitText(ApiKey key) {
    Integer limit = perMinute(key);
    return limit == null ? "default" : limit.toString();
  }
}
