package io.crogas.node;

import io.crogas.domain.ChainUnavailableException;
import io.crogas.domain.StoreUnavailableException;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.WebhookDelivery;
import io.crogas.http.HealthProbe;
import io.crogas.http.HealthReport;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.function.ToDoubleFunction;

/**
 * The node's own metrics next to the API's: settlements, gas spent, USDC settled, webhook
 * deliveries pending and failed, each relayer's balances and nonce lane. Balances come from the
 * health probe (cached, so a scrape costs no RPC call of its own within the probe's ttl); an
 * unreachable chain reads as NaN rather than failing the scrape.
 */
final class NodeMeters {
  private NodeMeters() {}

  static void register(CroGasNode node, HealthProbe health, MeterRegistry registry) {
    SettlementStats stats = node.stats();
    FunctionCounter.builder("crogas_settlements_confirmed", stats, SettlementStats::confirmed)
        .description("requests confirmed on chain since start")
        .register(registry);
    FunctionCounter.builder("crogas_settlements_failed", stats, SettlementStats::failed)
        .description("requests that ended failed since start")
        .register(registry);
    FunctionCounter.builder("crogas_gas_spent_cro", stats, SettlementStats::gasSpentCro)
        .description("CRO the relayers spent on gas since start")
        .register(registry);
    FunctionCounter.builder("crogas_usdc_settled", stats, SettlementStats::usdcSettled)
        .description("USDC moved by confirmed requests (fees and x402 payments) since start")
        .register(registry);
    webhookGauge(registry, node, WebhookDelivery.Status.PENDING, "waiting to be (re)sent");
    webhookGauge(registry, node, WebhookDelivery.Status.FAILED, "given up after every attempt");
    for (Address relayer : node.relayers()) {
      gauge(
          registry,
          "crogas_relayer_cro_balance",
          "relayer CRO balance",
          relayer,
          node,
          n ->
              new BigDecimal(balance(health, relayer).cro().value())
                  .movePointLeft(18)
                  .doubleValue());
      gauge(
          registry,
          "crogas_relayer_usdc_balance",
          "relayer USDC balance",
          relayer,
          node,
          n -> Double.parseDouble(balance(health, relayer).usdc().toDecimalString()));
      gauge(
          registry,
          "crogas_lane_in_flight",
          "jobs queued or in flight on the relayer's nonce lane",
          relayer,
          node,
          n -> n.laneLoads().getOrDefault(relayer, 0));
    }
  }

  /** {@code relayer}'s balances in the (cached) health report; NaN-reading if it has none. */
  private static HealthReport.RelayerBalance balance(HealthProbe health, Address relayer) {
    return health.check().relayers().stream()
        .filter(balance -> balance.address().equals(relayer))
        .findFirst()
        .orElseThrow(() -> new ChainUnavailableException("no balance reported for " + relayer));
  }

  private static void gauge(
      MeterRegistry registry,
      String name,
      String description,
      Address relayer,
      CroGasNode node,
      ToDoubleFunction<CroGasNode> read) {
    Gauge.builder(name, node, n -> readOrNaN(n, read))
        .description(description)
        .tag("relayer", relayer.value())
        .register(registry);
  }

  /** Counted in the store when scraped; NaN while the store is unavailable. */
  private static void webhookGauge(
      MeterRegistry registry, CroGasNode node, WebhookDelivery.Status status, String meaning) {
    Gauge.builder(
            "crogas_webhook_deliveries_" + status.name().toLowerCase(java.util.Locale.ROOT),
            node,
            n -> {
              try {
                return n.webhooks().count(status);
              } catch (StoreUnavailableException e) {
                return Double.NaN;
              }
            })
        .description("webhook deliveries " + meaning)
        .register(registry);
  }

  private static double readOrNaN(CroGasNode node, ToDoubleFunction<CroGasNode> read) {
    try {
      return read.applyAsDouble(node);
    } catch (ChainUnavailableException e) {
      return Double.NaN;
    }
  }
}
