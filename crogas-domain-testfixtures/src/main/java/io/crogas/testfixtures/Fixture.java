package io.crogas.testfixtures;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Calldata;
import io.crogas.domain.model.ChainId;
import io.crogas.domain.model.CroUsdPrice;
import io.crogas.domain.model.FeeQuote;
import io.crogas.domain.model.ForwarderDomain;
import io.crogas.domain.model.MetaTransaction;
import io.crogas.domain.model.RelayRequest;
import io.crogas.domain.model.SignedAuthorization;
import io.crogas.domain.model.TokenDomain;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.domain.model.Wei;
import io.crogas.domain.model.X402Network;
import io.crogas.domain.policy.FeeSchedule;
import io.crogas.domain.policy.RevertPolicy;
import io.crogas.domain.policy.TargetPolicy;
import io.crogas.domain.policy.TierTable;
import io.crogas.domain.port.out.PriceFeed;
import io.crogas.domain.service.FacilitatorSettings;
import io.crogas.domain.service.PaymentService;
import io.crogas.domain.service.QuoteRelayService;
import io.crogas.domain.service.RelaySettings;
import io.crogas.domain.service.SubmitRelayService;
import io.crogas.domain.service.TrackRelayService;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The core wired to in-memory fakes: Cronos testnet, one forwarder, one USDC, one relayer. */
public final class Fixture {
  public static final ChainId CHAIN = ChainId.CRONOS_TESTNET;
  public static final Address FORWARDER =
      Address.parse("0x5FbDB2315678afecb367f032d93F642f64180aa3");
  public static final Address USDC = Address.parse("0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512");
  public static final Address TARGET = Address.parse("0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0");
  public static final Address RELAYER = Address.parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
  public static final Calldata CALL =
      new Calldata("0x6057361d000000000000000000000000000000000000000000000000000000000000002a");

  public final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
  public final FakeChain chain = new FakeChain();
  public final InMemoryJournal journal = new InMemoryJournal();
  public final InMemoryQuoteBook quoteBook = new InMemoryQuoteBook();
  public final ForwarderDomain forwarder = ForwarderDomain.of(CHAIN, FORWARDER);
  public final TokenDomain usdc = TokenDomain.of("USD Coin", "2", CHAIN, USDC, 6);
  public final Keys user = Keys.of(1);
  public Optional<CroUsdPrice> price =
      Optional.of(new CroUsdPrice(new BigDecimal("0.10"), "test", clock.instant()));
  public final PriceFeed prices = () -> price;
  public final RelaySettings settings =
      new RelaySettings(
          forwarder,
          usdc,
          TierTable.defaults(),
          FeeSchedule.defaults(),
          TargetPolicy.open(),
          BigInteger.valueOf(90_000),
          BigInteger.valueOf(5_000_000),
          Duration.ofMinutes(30),
          Duration.ofSeconds(30),
          RevertPolicy.defaults());
  public final SequentialIds ids = new SequentialIds();
  public final TrackRelayService tracking = new TrackRelayService(journal);
  public final FakeEngine engine = new FakeEngine(tracking, clock);
  public final QuoteRelayService quotes =
      new QuoteRelayService(settings, chain, prices, quoteBook, journal, clock, ids);
  public final SubmitRelayService relay =
      new SubmitRelayService(
          settings, prices, quoteBook, chain, journal, engine, () -> List.of(RELAYER), clock, ids);
  public final FacilitatorSettings facilitatorSettings =
      new FacilitatorSettings(
          new X402Network(CHAIN), Map.of(USDC, usdc), Set.of(), Duration.ofMillis(200), 6);
  public final PaymentService payments =
      new PaymentService(facilitatorSettings, chain, journal, engine, clock, ids);

  public Fixture() {
    chain.nativeBalances.put(RELAYER, Wei.of(1).times(BigInteger.TEN.pow(21)));
    chain.setTokenBalance(USDC, user.address(), 10_000_000);
  }

  public long now() {
    return clock.instant().getEpochSecond();
  }

  /** The facilitator over these fakes, waiting {@code settleWait} for each receipt. */
  public PaymentService payments(Duration settleWait) {
    return new PaymentService(
        new FacilitatorSettings(
            facilitatorSettings.network(),
            facilitatorSettings.assets(),
            facilitatorSettings.payees(),
            settleWait,
            facilitatorSettings.validBeforeMarginSeconds(),
            facilitatorSettings.minimumValue()),
        chain,
        journal,
        engine,
        clock,
        ids);
  }

  public MetaTransaction call(long nonce) {
    return new MetaTransaction(
        TARGET, CALL, "normal", BigInteger.valueOf(nonce), BigInteger.valueOf(now() + 600));
  }

  /** A request signed by the user, without payment. */
  public RelayRequest unpaid(MetaTransaction call) {
    return new RelayRequest(
        user.address(), call, user.sign(call.digest(forwarder)), Optional.empty());
  }

  /** A request signed by the user, paying exactly {@code quote}. */
  public RelayRequest paid(FeeQuote quote) {
    return paid(quote.metaTransaction(), quote.paymentAuthorization());
  }

  public RelayRequest paid(MetaTransaction call, TransferAuthorization fee) {
    SignedAuthorization payment = new SignedAuthorization(fee, user.sign(fee.receiveDigest(usdc)));
    return new RelayRequest(
        user.address(), call, user.sign(call.digest(forwarder)), Optional.of(payment));
  }
}
