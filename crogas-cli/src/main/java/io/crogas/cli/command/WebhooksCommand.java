package io.crogas.cli.command;

import io.crogas.cli.CliContext;
import io.crogas.cli.CliFailure;
import io.crogas.domain.model.Webhook;
import io.crogas.domain.model.WebhookDelivery;
import io.crogas.domain.model.WebhookEvent;
import io.crogas.node.NodeStores;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crogas webhooks}: register, list and remove webhook URLs and redeliver deliveries, in the
 * store file {@code serve} uses (a running {@code serve} sees the change at its next event).
 */
@Command(
    name = "webhooks",
    mixinStandardHelpOptions = true,
    description = "Webhook URLs told about settlements, relays and low relayer balances.",
    subcommands = {
      WebhooksCommand.Add.class,
      WebhooksCommand.ListWebhooks.class,
      WebhooksCommand.Remove.class,
      WebhooksCommand.Redeliver.class
    })
public final class WebhooksCommand {
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhooksCommand() {}

  static String events(Webhook webhook) {
    return webhook.events().stream().map(WebhookEvent::wireName).collect(Collectors.joining(","));
  }

  private static String random(String prefix, int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return prefix + HexFormat.of().formatHex(value);
  }

  /** {@code crogas webhooks add URL --events ...}. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Register URL for the given events; prints its id and signing secret (shown only now).",
        "Events: settlement.confirmed, settlement.failed, relay.confirmed, relay.failed,"
            + " relayer.low_balance, or all."
      })
  public static final class Add implements Callable<Integer> {
    private final CliContext context;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;
    @Mixin StoreOptions store;

    @Parameters(index = "0", paramLabel = "URL", description = "http(s) URL to POST events to.")
    String url;

    @Option(
        names = "--events",
        required = true,
        split = ",",
        paramLabel = "EVENT",
        description = "Comma-separated event names, or all.")
    List<String> events;

    public Add(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Webhook webhook = webhook();
      boolean added =
          store.open(context.environment(), NodeStores::webhooks, outbox -> outbox.add(webhook));
      if (!added) {
        throw new CliFailure("webhook id " + webhook.id() + " is taken; run add again");
      }
      Output.of(spec, json.enabled)
          .result(
              Output.fields(
                  "id", webhook.id(),
                  "url", webhook.url().toString(),
                  "events", webhook.events().stream().map(WebhookEvent::wireName).toList(),
                  "secret", webhook.secret()),
              String.join(
                  "\n",
                  "id      " + webhook.id(),
                  "url     " + webhook.url(),
                  "events  " + events(webhook),
                  "secret  " + webhook.secret(),
                  "Keep the secret: it verifies CroGas-Signature and is not shown again."));
      return 0;
    }

    private Webhook webhook() {
      EnumSet<WebhookEvent> wanted = EnumSet.noneOf(WebhookEvent.class);
      List<String> unknown = new ArrayList<>();
      for (String name : events) {
        if (name.strip().equalsIgnoreCase("all")) {
          wanted.addAll(EnumSet.allOf(WebhookEvent.class));
        } else {
          WebhookEvent.named(name).ifPresentOrElse(wanted::add, () -> unknown.add(name));
        }
      }
      if (!unknown.isEmpty()) {
        throw new CliFailure(
            "unknown event(s) "
                + String.join(", ", unknown)
                + "; known: "
                + Arrays.stream(WebhookEvent.values())
                    .map(WebhookEvent::wireName)
                    .collect(Collectors.joining(", "))
                + ", all");
      }
      URI uri;
      try {
        uri = URI.create(url);
        return new Webhook(random("wh_", 8), uri, wanted, random("whsec_", 32), Instant.now());
      } catch (IllegalArgumentException e) {
        throw new CliFailure("cannot add " + url + ": " + e.getMessage(), e);
      }
    }
  }

  /** {@code crogas webhooks list}: the webhooks, then the latest deliveries with their status. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "The webhooks (without secrets) and the latest deliveries with their status.")
  public static final class ListWebhooks implements Callable<Integer> {
    private final CliContext context;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;
    @Mixin StoreOptions store;

    @Option(names = "--limit", paramLabel = "N", description = "Deliveries shown (default 20).")
    int limit = 20;

    public ListWebhooks(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      if (limit < 0 || limit > 10_000) {
        throw new CliFailure("--limit is within 0..10000, got " + limit);
      }
      Listing listing =
          store.open(
              context.environment(),
              NodeStores::webhooks,
              outbox ->
                  new Listing(
                      outbox.webhooks(),
                      outbox.recent(limit),
                      outbox.count(WebhookDelivery.Status.PENDING),
                      outbox.count(WebhookDelivery.Status.FAILED)));
      Output.of(spec, json.enabled).result(listing.document(), listing.text());
      return 0;
    }
  }

  private record Listing(
      List<Webhook> webhooks, List<WebhookDelivery> deliveries, long pending, long failed) {
    Map<String, Object> document() {
      return Output.fields(
          "webhooks",
          webhooks.stream()
              .map(
                  w ->
                      Output.fields(
                          "id", w.id(),
                          "url", w.url().toString(),
                          "events", w.events().stream().map(WebhookEvent::wireName).toList(),
                          "createdAt", w.createdAt().getEpochSecond()))
              .toList(),
          "pending",
          pending,
          "failed",
          failed,
          "deliveries",
          deliveries.stream().map(Listing::delivery).toList());
    }

    private static Map<String, Object> delivery(WebhookDelivery d) {
      return Output.fields(
          "id", d.id(),
          "webhookId", d.webhookId(),
          "event", d.event().wireName(),
          "subject", d.subject(),
          "status", d.status().name().toLowerCase(java.util.Locale.ROOT),
          "attempts", d.attempts(),
          "createdAt", d.createdAt().getEpochSecond(),
          "nextAttemptAt", d.nextAttemptAt().getEpochSecond(),
          "lastError", d.lastError().orElse(null));
    }

    String text() {
      List<String> lines = new ArrayList<>();
      lines.add(webhooks.isEmpty() ? "no webhooks" : "webhooks:");
      webhooks.forEach(w -> lines.add("  " + w.id() + "  " + w.url() + "  " + events(w)));
      lines.add("deliveries: " + pending + " pending, " + failed + " failed; latest:");
      deliveries.forEach(
          d ->
              lines.add(
                  "  "
                      + d.id()
                      + "  "
                      + d.status().name().toLowerCase(java.util.Locale.ROOT)
                      + "  "
                      + d.event().wireName()
                      + "  "
                      + d.subject()
                      + "  attempts "
                      + d.attempts()
                      + d.lastError().map(e -> "  last error: " + e).orElse("")));
      return String.join("\n", lines);
    }
  }

  /** {@code crogas webhooks remove ID}. */
  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Unregister a webhook; its deliveries, sent or not, are dropped.")
  public static final class Remove implements Callable<Integer> {
    private final CliContext context;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;
    @Mixin StoreOptions store;

    @Parameters(index = "0", paramLabel = "ID", description = "The webhook's id (wh_...).")
    String id;

    public Remove(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      if (!store.open(context.environment(), NodeStores::webhooks, outbox -> outbox.remove(id))) {
        throw new CliFailure("no webhook " + id + " (crogas webhooks list shows them)");
      }
      Output.of(spec, json.enabled).result(Output.fields("removed", id), "removed " + id);
      return 0;
    }
  }

  /** {@code crogas webhooks redeliver DELIVERY_ID}. */
  @Command(
      name = "redeliver",
      mixinStandardHelpOptions = true,
      description =
          "Send a delivery again (a failed one, or a delivered one the receiver lost), with the"
              + " same delivery id, as soon as serve next looks.")
  public static final class Redeliver implements Callable<Integer> {
    private final CliContext context;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;
    @Mixin StoreOptions store;

    @Parameters(index = "0", paramLabel = "DELIVERY_ID", description = "From webhooks list.")
    String id;

    public Redeliver(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      if (!store.open(
          context.environment(),
          NodeStores::webhooks,
          outbox -> outbox.redeliver(id, Instant.now()))) {
        throw new CliFailure("no delivery " + id + " (crogas webhooks list shows them)");
      }
      Output.of(spec, json.enabled)
          .result(Output.fields("redelivering", id), "delivery " + id + " is pending again");
      return 0;
    }
  }
}
