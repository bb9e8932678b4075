package io.crogas.cli.serve;

import io.crogas.chain.DeployedCode;
import io.crogas.chain.ForwarderReader;
import io.crogas.chain.IncompatibleTokenException;
import io.crogas.chain.JsonRpc;
import io.crogas.chain.KeystoreException;
import io.crogas.chain.KeystoreRelayerSigner;
import io.crogas.chain.TokenDomainReader;
import io.crogas.chain.Web3jChain;
import io.crogas.cli.chain.ChainCheck;
import io.crogas.contracts.ContractArtifacts;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.ChainId;
import io.crogas.domain.model.CroUsdPrice;
import io.crogas.domain.model.TokenDomain;
import io.crogas.domain.model.Wei;
import io.crogas.node.prices.MarketPrices;
import io.crogas.prices.PolledPriceFeed;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code crogas serve --check}: the configuration, then everything serving would rely on, checked
 * against the live chain before any request is taken: the chain id, the forwarder's code and fee
 * token, the token's EIP-712 domain, each relayer key (it unlocks, the forwarder lists it, it holds
 * CRO) and the price sources. An unreachable RPC ends the check (the caller exits 3).
 */
public final class LiveCheck {
  private LiveCheck() {}

  /** One line of the check. */
  public record Line(String check, boolean ok, String detail) {}

  public static List<Line> run(
      ServeSettings settings, Map<String, String> environment, InstantSource clock) {
    List<Line> lines = new ArrayList<>();
    lines.add(new Line("configuration", true, "every setting read"));
    ChainCheck.expect(settings.rpcUrl(), settings.chainId(), settings.rpcTimeout());
    lines.add(new Line("chain", true, "the RPC answers as chain " + settings.chainId()));
    try (JsonRpc rpc = JsonRpc.connect(settings.rpcUrl(), settings.rpcTimeout())) {
      Line forwarder = forwarder(rpc, settings);
      lines.add(forwarder);
      lines.add(token(rpc, settings));
      lines.addAll(relayers(rpc, settings, forwarder.ok(), environment, clock));
    }
    lines.addAll(prices(settings, clock));
    return lines;
  }

  private static Line forwarder(JsonRpc rpc, ServeSettings settings) {
    Address forwarder = settings.forwarder();
    return switch (new DeployedCode(rpc).compare(forwarder, ContractArtifacts.FORWARDER)) {
      case NONE -> new Line("forwarder", false, "no contract at " + forwarder + " on this chain");
      case DIFFERENT ->
          new Line(
              "forwarder",
              false,
              "the code at " + forwarder + " is not the CroGasForwarder this release ships");
      case SAME -> {
        Address feeToken = new ForwarderReader(rpc, forwarder).usdc();
        yield feeToken.equals(settings.usdc())
            ? new Line("forwarder", true, forwarder + " is this release's CroGasForwarder")
            : new Line(
                "forwarder",
                false,
                forwarder + " takes fees in " + feeToken + ", not in " + settings.usdc());
      }
    };
  }

  private static Line token(JsonRpc rpc, ServeSettings settings) {
    try {
      TokenDomain token =
          new TokenDomainReader(rpc, new ChainId(settings.chainId())).read(settings.usdc());
      return new Line(
          "usdc",
          token.decimals() == 6,
          String.format(
              "%s: \"%s\" version \"%s\", %d decimals%s",
              token.token(),
              token.name(),
              token.version(),
              token.decimals(),
              token.decimals() == 6 ? "" : " (USDC has 6)"));
    } catch (IncompatibleTokenException e) {
      return new Line("usdc", false, e.getMessage());
    }
  }

  private static List<Line> relayers(
      JsonRpc rpc,
      ServeSettings settings,
      boolean forwarderOk,
      Map<String, String> environment,
      InstantSource clock) {
    KeystoreRelayerSigner keys;
    try {
      keys =
          KeystoreRelayerSigner.fromKeystores(
              settings.keystores(),
              settings.password().read(environment).keystorePassword(),
              clock);
    } catch (KeystoreException | IllegalArgumentException e) {
      return List.of(new Line("keystores", false, e.getMessage()));
    }
    List<Line> lines = new ArrayList<>();
    lines.add(new Line("keystores", true, keys.addresses().size() + " relayer keys unlock"));
    Web3jChain chain =
        new Web3jChain(
            rpc, settings.pricing().profile(settings.chainId()), settings.forwarder(), keys);
    for (Address relayer : keys.addresses()) {
      // Something that is not the forwarder cannot be asked whether it lists a relayer.
      boolean registered = forwarderOk && chain.isRelayer(relayer);
      Wei balance = chain.nativeBalance(relayer);
      // The floor /health reports as degraded and the low-balance webhook announces.
      Wei floor = settings.webhooks().lowBalance();
      boolean funded = balance.compareTo(floor) >= 0;
      String cro =
          new BigDecimal(balance.value()).movePointLeft(18).stripTrailingZeros().toPlainString();
      lines.add(
          new Line(
              "relayer " + relayer,
              registered && funded,
              (registered
                      ? "listed by the forwarder"
                      : forwarderOk
                          ? "NOT listed by the forwarder (setRelayer)"
                          : "not checked: no CroGas forwarder")
                  + ", "
                  + cro
                  + " CRO"
                  + (funded
                      ? ""
                      : " (below the "
                          + new BigDecimal(floor.value())
                              .movePointLeft(18)
                              .stripTrailingZeros()
                              .toPlainString()
                          + " CRO minimum, CROGAS_LOW_BALANCE_CRO)")));
    }
    return lines;
  }

  private static List<Line> prices(ServeSettings settings, InstantSource clock) {
    if (settings.prices() instanceof PriceSettings.Fixed fixed) {
      return List.of(
          new Line("prices", true, "fixed " + fixed.usdPerCro().toPlainString() + " USD per CRO"));
    }
    PriceSettings.Market market = (PriceSettings.Market) settings.prices();
    List<Line> lines = new ArrayList<>();
    try (MarketPrices prices = MarketPrices.start(market.settings(), settings.rpcUrl(), clock)) {
      Duration maxAge = market.settings().consensus().maxAge();
      for (PolledPriceFeed.Status source : prices.sources()) {
        lines.add(
            source
                .last()
                .map(reading -> sourceLine(source.name(), reading, maxAge, clock))
                .orElse(new Line("price " + source.name(), false, "answered no price")));
      }
      lines.add(
          prices
              .latest()
              .map(
                  price ->
                      new Line(
                          "prices",
                          true,
                          price.usdPerCro().toPlainString()
                              + " USD per CRO from "
                              + price.source()))
              .orElse(
                  new Line(
                      "prices", false, "no fresh, agreed CRO/USD price: quotes would be refused")));
    }
    return lines;
  }

  private static Line sourceLine(
      String name, CroUsdPrice reading, Duration maxAge, InstantSource clock) {
    long age = Duration.between(reading.observedAt(), clock.instant()).toSeconds();
    return new Line(
        "price " + name,
        age <= maxAge.toSeconds(),
        reading.usdPerCro().toPlainString() + " USD per CRO, observed " + age + " s ago");
  }
}
