package io.crogas.cli;

import io.crogas.domain.model.Address;
import io.crogas.domain.port.in.SettlePaymentCommand;
import io.crogas.domain.port.in.SettlePaymentUseCase.SettleOutcome;
import io.crogas.node.CroGasNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The child JVM of {@link InstancesThroughput}: one instance (a {@link CroGasNode}) and its share
 * of the clients, which call its settle use case as {@link SettlementThroughput}'s do. It settles a
 * warm-up burst, prints {@code bench ready}, waits for {@code go} on standard input, settles its
 * measured burst, prints {@code bench done SETTLED FAILED}, and stops at the end of its input.
 * Arguments: rpcUrl forwarder usdc store payTo firstPayer count clients warmUp key..., the instance
 * id in the system property {@code crogas.instance} (as {@link CrashDrill}'s); payers from
 * firstPayer for the measured burst and from firstPayer + 50,000 for the warm-up, five payments
 * each, funded by the parent.
 */
public final class ThroughputInstance {
  static final int PAYMENTS_PER_PAYER = 5;
  static final int WARM_UP_PAYERS_FROM = 50_000;

  private ThroughputInstance() {}

  public static void main(String[] args) throws Exception {
    CroGasNode node =
        CroGasNode.start(
            CrashDrill.config(
                args[0], args[1], args[2], args[3], List.of(args).subList(9, args.length)));
    Address payTo = Address.parse(args[4]);
    int firstPayer = Integer.parseInt(args[5]);
    int count = Integer.parseInt(args[6]);
    int clients = Integer.parseInt(args[7]);
    int warmUp = Integer.parseInt(args[8]);
    List<SettlePaymentCommand> measured = payments(node, firstPayer, count, payTo);
    List<SettlePaymentCommand> warming =
        payments(node, firstPayer + WARM_UP_PAYERS_FROM, warmUp, payTo);
    // A node in service has its code compiled: settle a burst first, unmeasured.
    settle(node, warming, Math.max(1, Math.min(warmUp, 400)));
    System.out.println("bench ready " + node.heldKeys());
    BufferedReader input =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    if (!"go".equals(input.readLine())) {
      node.close();
      return;
    }
    int settled = settle(node, measured, clients);
    System.out.println("bench done " + settled + " " + (count - settled));
    while (input.readLine() != null) {
      // until the parent closes our input
    }
    node.close();
  }

  private static List<SettlePaymentCommand> payments(
      CroGasNode node, int firstPayer, int count, Address payTo) {
    List<SettlePaymentCommand> made = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      LocalNetwork.User payer = LocalNetwork.User.of(firstPayer + i / PAYMENTS_PER_PAYER);
      made.add(Payments.payment(payer, payTo, node.usdc(), i % PAYMENTS_PER_PAYER));
    }
    return made;
  }

  /** Settles every payment with {@code clients} threads; how many settled. */
  private static int settle(CroGasNode node, List<SettlePaymentCommand> payments, int clients)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Callable<SettleOutcome>> calls = new ArrayList<>();
    for (SettlePaymentCommand payment : payments) {
      calls.add(() -> Payments.settleRetrying(node.settler(), payment));
    }
    int settled = 0;
    for (Future<SettleOutcome> outcome : pool.invokeAll(calls)) {
      SettleOutcome result = outcome.get();
      if (result instanceof SettleOutcome.Settled) {
        settled++;
      } else {
        System.out.println("  not settled: " + result);
      }
    }
    pool.shutdown();
    return settled;
  }
}
