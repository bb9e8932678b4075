package io.crogas.cli;

import io.crogas.chain.NetworkProfile;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.ChainId;
import io.crogas.domain.port.in.SettlePaymentCommand;
import io.crogas.node.CroGasNode;
import io.crogas.node.FixedPriceFeed;
import io.crogas.node.NodeConfig;
import io.crogas.node.NodeDefaults;
import io.crogas.node.RelayerKeys;
import io.crogas.node.StoreLocation;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The child JVM of {@link CrashRecoveryTest}: a node that settles payments until it is killed.
 * Arguments: rpcUrl forwarder usdc store (a file or redis://) payTo payers paymentsPerPayer
 * relayerKey...; system properties {@code crogas.instance} and {@code crogas.lease.seconds} name
 * its instance and lease time (defaults: the node's).
 */
public final class CrashDrill {
  private CrashDrill() {}

  /**
   * A node of the test network's contracts on {@code store} with {@code keys}; system properties
   * {@code crogas.instance} and {@code crogas.lease.seconds} name its instance and lease time.
   */
  static NodeConfig config(
      String rpcUrl, String forwarder, String usdc, String store, List<String> keys) {
    return NodeConfig.builder(
            rpcUrl,
            NetworkProfile.cronos(new ChainId(338)),
            Address.parse(forwarder),
            Address.parse(usdc))
        .store(StoreLocation.parse(store, StoreLocation.Redis.DEFAULT_PREFIX))
        .relayerKeys(new RelayerKeys.PrivateKeys(keys))
        .prices(new FixedPriceFeed(new BigDecimal("0.10"), InstantSource.system()))
        .pollInterval(Duration.ofMillis(50))
        .instanceId(System.getProperty("crogas.instance", NodeDefaults.INSTANCE_ID))
        .leaseTtl(
            Duration.ofSeconds(
                Long.getLong("crogas.lease.seconds", NodeDefaults.LEASE_TTL.toSeconds())))
        .build();
  }

  public static void main(String[] args) throws Exception {
    NodeConfig config =
        config(args[0], args[1], args[2], args[3], List.of(args).subList(7, args.length));
    Address payTo = Address.parse(args[4]);
    int payers = Integer.parseInt(args[5]);
    int perPayer = Integer.parseInt(args[6]);
    CroGasNode node = CroGasNode.start(config);
    System.out.println("started");
    ExecutorService clients = Executors.newFixedThreadPool(16);
    for (int p = 0; p < payers; p++) {
      LocalNetwork.User payer = LocalNetwork.User.of(5_000 + p);
      for (int n = 0; n < perPayer; n++) {
        SettlePaymentCommand payment = Payments.payment(payer, payTo, node.usdc(), n);
        clients.submit(
            () -> {
              System.out.println("outcome " + Payments.settleRetrying(node.settler(), payment));
              return null;
            });
      }
    }
    Thread.sleep(Long.MAX_VALUE); // until the parent kills this process
  }
}
