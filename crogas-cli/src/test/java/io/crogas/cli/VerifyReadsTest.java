package io.crogas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.PaymentFault;
import io.crogas.domain.port.in.SettlePaymentCommand;
import io.crogas.domain.port.in.SettlePaymentUseCase.SettleOutcome;
import io.crogas.domain.port.in.VerifyPaymentUseCase.VerifyOutcome;
import io.crogas.domain.port.out.Chain;
import io.crogas.eip712.Keccak256;
import io.crogas.node.CroGasNode;
import io.crogas.node.NodeInternals;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verify keeps its chain reads for their block; settle reads afresh. On anvil the payer's USDC is
 * taken away without a new block (anvil_setStorageAt), which no real chain does but which is what a
 * verify answered from the block's reads looks like from the inside: the kept reads say "valid",
 * and settle must still see the empty balance, send nothing and not report the payment paid.
 */
class VerifyReadsTest {
  @TempDir Path dir;

  @Test
  void givenAVerifiedPayment_whenThePayersUsdcGoesWithoutANewBlock_thenSettleRefusesIt() {
    try (LocalNetwork network = LocalNetwork.start()) {
      LocalNetwork.User payer = LocalNetwork.User.of(8_101);
      Address payTo = LocalNetwork.User.of(8_102).address();
      network.fund(payer.address(), 1);
      try (CroGasNode node = CroGasNode.start(network.config(1, dir.resolve("reads.db")).build())) {
        Address usdc = node.usdc().token();
        SettlePaymentCommand payment = Payments.payment(payer, payTo, node.usdc(), 1);
        Chain chain = NodeInternals.chain(node);
        assertThat(node.verifier().verify(payment.verification()))
            .isInstanceOf(VerifyOutcome.Valid.class);
        long block = chain.blockNumber();

        network.rpc(
            "anvil_setStorageAt",
            "[\""
                + usdc
                + "\",\""
                + balanceSlot(payer.address())
                + "\",\"0x"
                + "0".repeat(64)
                + "\"]");

        assertThat(chain.tokenBalance(usdc, payer.address())).isZero();
        assertThat(chain.blockNumber()).isEqualTo(block);
        assertThat(node.verifier().verify(payment.verification()))
            .isInstanceOf(VerifyOutcome.Valid.class);
        SettleOutcome settled = node.settler().settle(payment);
        assertThat(settled).isInstanceOf(SettleOutcome.Failed.class);
        assertThat(((SettleOutcome.Failed) settled).fault())
            .isEqualTo(PaymentFault.INSUFFICIENT_BALANCE);
        assertThat(((SettleOutcome.Failed) settled).transaction()).isEmpty();
        assertThat(NodeInternals.journal(node).recent(Optional.empty(), 10)).isEmpty();
        assertThat(chain.tokenBalance(usdc, payTo)).isZero();

        network.rpc("evm_mine", "[]");
        assertThat(node.verifier().verify(payment.verification()))
            .isEqualTo(
                new VerifyOutcome.Invalid(
                    PaymentFault.INSUFFICIENT_BALANCE,
                    payer.address(),
                    "the payer's balance is too low"));
      }
    }
  }

  /**
   * TestUSDC's storage slot of {@code balanceOf(owner)}: OpenZeppelin's ERC20 keeps the balances
   * mapping at slot 0, so it is {@code keccak256(abi.encode(owner, 0))}. The test reads the balance
   * back before relying on it.
   */
  private static String balanceSlot(Address owner) {
    byte[] key = new byte[64];
    System.arraycopy(owner.bytes(), 0, key, 12, 20);
    return "0x" + HexFormat.of().formatHex(Keccak256.hash(key));
  }
}
