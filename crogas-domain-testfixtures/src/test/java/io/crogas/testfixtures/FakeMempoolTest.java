package io.crogas.testfixtures;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.ChainId;
import io.crogas.domain.model.Wei;
import io.crogas.domain.policy.ReplacementPolicy.Fees;
import io.crogas.domain.port.out.Broadcaster;
import io.crogas.domain.port.out.RelayerSigner;
import io.crogas.testfixtures.contracts.BroadcasterContract;
import java.time.Instant;

/** The engine's tests trust this fake: it passes the suite a real anvil passes. */
class FakeMempoolTest extends BroadcasterContract {
  private final FakeMempool mempool =
      new FakeMempool(new MutableClock(Instant.parse("2026-11-24T12:00:00Z")));

  FakeMempoolTest() {
    mempool.baseFee = Wei.gwei(1);
    mempool.broke.add(penniless());
  }

  @Override
  protected Broadcaster broadcaster() {
    return mempool;
  }

  @Override
  protected RelayerSigner signer() {
    return mempool;
  }

  @Override
  protected Address funded() {
    return Keys.of(1).address();
  }

  @Override
  protected Address penniless() {
    return Keys.of(2).address();
  }

  @Override
  protected ChainId chainId() {
    return ChainId.CRONOS_TESTNET;
  }

  @Override
  protected Fees fees() {
    return new Fees(Wei.gwei(3), Wei.gwei(1));
  }

  @Override
  protected void automine(boolean on) {
    mempool.automine = on;
  }

  @Override
  protected void mineBlock() {
    mempool.mine();
  }
}
