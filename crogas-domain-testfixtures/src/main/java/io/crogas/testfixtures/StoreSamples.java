package io.crogas.testfixtures;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.CroUsdPrice;
import io.crogas.domain.model.FeeQuote;
import io.crogas.domain.model.ForwarderDomain;
import io.crogas.domain.model.GasBudget;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.IdempotencyKey;
import io.crogas.domain.model.MetaTransaction;
import io.crogas.domain.model.Receipt;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayRequest;
import io.crogas.domain.model.SignedAuthorization;
import io.crogas.domain.model.SignedTransaction;
import io.crogas.domain.model.TokenAmount;
import io.crogas.domain.model.TokenDomain;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.domain.model.Wei;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;

/**
 * Values for the store contract suites, chosen to catch lossy storage: nanosecond instants,
 * uint256-sized integers, a price whose scale matters to {@code BigDecimal.equals}, non-ASCII text,
 * and every optional field both present and empty.
 */
public final class StoreSamples {
  /** Aligned to every minute and hour window, and carrying nanoseconds after {@link #at}. */
  public static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

  public static final BigInteger UINT256_MAX = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
  public static final Keys ALICE = Keys.of(11);
  public static final Keys BOB = Keys.of(12);
  public static final Address RELAYER = Fixture.RELAYER;
  public static final Address OTHER_RELAYER =
      Address.parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
  public static final ForwarderDomain FORWARDER =
      ForwarderDomain.of(Fixture.CHAIN, Fixture.FORWARDER);
  public static final TokenDomain USDC =
      TokenDomain.of("Bridged USDC (Stargate)", "1", Fixture.CHAIN, Fixture.USDC, 6);

  /** The quoted gas limit and fee cap of the sample forwarder calls. */
  public static final GasBudget BUDGET =
      new GasBudget(BigInteger.valueOf(400_000), Wei.gwei(20_000));

  private StoreSamples() {}

  /** {@link #T0} plus {@code seconds} and a few nanoseconds, so that truncation shows. */
  public static Instant at(long seconds) {
    return T0.plusSeconds(seconds).plusNanos(123_456_789);
  }

  /** A distinct 32-byte value per seed. */
  public static Hash32 hash(long seed) {
    byte[] bytes = new byte[32];
    ByteBuffer.wrap(bytes).putLong(0, 0xC0FFEEL).putLong(24, seed);
    return Hash32.of(bytes);
  }

  /**
   * A call by {@code user}. The digest does not cover the signer, so the deadline is made to differ
   * per user: otherwise two users' identical calls would share an idempotency key.
   */
  public static MetaTransaction metaTransaction(Keys user, BigInteger nonce) {
    return metaTransaction(user, nonce, 0);
  }

  /** A call by {@code user}; each {@code variant} is another call (another deadline). */
  public static MetaTransaction metaTransaction(Keys user, BigInteger nonce, int variant) {
    long deadline = 1_800_000_000L + user.privateKey().longValue() % 1000 + 1000L * variant;
    return new MetaTransaction(
        Fixture.TARGET, Fixture.CALL, "normal", nonce, BigInteger.valueOf(deadline));
  }

  /** A gasless execution by {@code user} with meta-transaction nonce {@code nonce}. */
  public static RelayJob.ForwarderCall forwarderCall(Keys user, BigInteger nonce, boolean paid) {
    return forwarderCall(user, nonce, paid, 0);
  }

  /** Another call ({@code variant}) by {@code user} signed with the same meta-transaction nonce. */
  public static RelayJob.ForwarderCall forwarderCall(Keys user, long nonce, int variant) {
    return forwarderCall(user, BigInteger.valueOf(nonce), true, variant);
  }

  private static RelayJob.ForwarderCall forwarderCall(
      Keys user, BigInteger nonce, boolean paid, int variant) {
    MetaTransaction call = metaTransaction(user, nonce, variant);
    Hash32 digest = call.digest(FORWARDER);
    TransferAuthorization fee =
        new TransferAuthorization(
            user.address(),
            Fixture.FORWARDER,
            BigInteger.valueOf(394_660),
            BigInteger.ZERO,
            call.deadline(),
            digest);
    SignedAuthorization signedFee =
        new SignedAuthorization(fee, user.sign(fee.receiveDigest(USDC)));
    RelayRequest request =
        new RelayRequest(
            user.address(),
            call,
            user.sign(digest),
            paid ? Optional.of(signedFee) : Optional.empty());
    return new RelayJob.ForwarderCall(FORWARDER, request, signedFee, 2, BUDGET);
  }

  public static RelayJob.ForwarderCall forwarderCall(Keys user, long nonce) {
    return forwarderCall(user, BigInteger.valueOf(nonce), true);
  }

  /** {@code job} quoted another gas limit and fee cap (in gwei). */
  public static RelayJob.ForwarderCall quoted(RelayJob.ForwarderCall job, long gas, long feeGwei) {
    return new RelayJob.ForwarderCall(
        job.forwarder(),
        job.request(),
        job.fee(),
        job.queuePriority(),
        new GasBudget(BigInteger.valueOf(gas), Wei.gwei(feeGwei)));
  }

  /** An x402 settlement paid by {@code payer}, its EIP-3009 nonce derived from {@code seed}. */
  public static RelayJob.TokenTransfer tokenTransfer(Keys payer, long seed) {
    TransferAuthorization transfer =
        new TransferAuthorization(
            payer.address(),
            Fixture.TARGET,
            UINT256_MAX.shiftRight(1),
            BigInteger.valueOf(1_700_000_000L),
            UINT256_MAX,
            hash(seed));
    return new RelayJob.TokenTransfer(
        USDC, new SignedAuthorization(transfer, payer.sign(transfer.transferDigest(USDC))));
  }

  /** The idempotency key the core derives for {@code job}. */
  public static IdempotencyKey keyOf(RelayJob job) {
    if (job instanceof RelayJob.ForwarderCall call) {
      return IdempotencyKey.metaTransaction(
          call.forwarder().chainId(),
          call.request().user(),
          call.request().metaTransaction().digest(call.forwarder()));
    }
    RelayJob.TokenTransfer transfer = (RelayJob.TokenTransfer) job;
    return IdempotencyKey.payment(
        transfer.token().chainId(),
        transfer.token().token(),
        transfer.payer(),
        transfer.transfer().authorization().nonce());
  }

  /** A freshly accepted record for {@code job}, created at {@code createdAt}. */
  public static RelayRecord accepted(String id, RelayJob job, Instant createdAt) {
    return RelayRecord.accepted(
        id, keyOf(job), job, TokenAmount.usdc(BigInteger.valueOf(394_660)), createdAt);
  }

  /** The next version of {@code record} after a transaction was sent (or a stuck one replaced). */
  public static RelayRecord submitted(RelayRecord record, Hash32 txHash, Instant now) {
    return moved(record.submitted(txHash, now));
  }

  /** The next version of {@code record} after the chain included its latest transaction. */
  public static RelayRecord confirmed(RelayRecord record, boolean success, Instant now) {
    Receipt receipt =
        new Receipt(
            record.latestTxHash().orElseThrow(),
            Long.MAX_VALUE / 3,
            UINT256_MAX.shiftRight(8),
            new Wei(UINT256_MAX),
            success);
    return moved(record.confirmed(receipt, now));
  }

  /** The next version of {@code record} after it failed for {@code reason}. */
  public static RelayRecord failed(RelayRecord record, String reason, Instant now) {
    return moved(record.failed(reason, now));
  }

  private static RelayRecord moved(RelayRecord.Step step) {
    if (step instanceof RelayRecord.Step.Moved moved) {
      return moved.record();
    }
    throw new IllegalStateException("sample step was not taken: " + step);
  }

  /** A quote for {@code user}'s meta-transaction {@code nonce}, expiring at {@code expiresAt}. */
  public static FeeQuote quote(String quoteId, Keys user, long nonce, Instant expiresAt) {
    MetaTransaction call = metaTransaction(user, BigInteger.valueOf(nonce));
    return new FeeQuote(
        quoteId,
        FORWARDER,
        USDC,
        user.address(),
        call,
        call.digest(FORWARDER),
        BigInteger.valueOf(215_000),
        Wei.gwei(4_375),
        new Wei(new BigInteger("940625000000000000")),
        // Scale is part of BigDecimal.equals: "0.0912340" must come back with seven digits.
        new CroUsdPrice(
            new BigDecimal("0.0912340"), "crypto.com ticker", expiresAt.minusSeconds(150)),
        TokenAmount.usdc(85_818),
        TokenAmount.usdc(859),
        expiresAt);
  }

  /** A transaction signed by {@code relayer} for {@code nonce}; {@code seed} makes it distinct. */
  public static SignedTransaction signed(Address relayer, long nonce, long seed) {
    return new SignedTransaction(
        relayer,
        nonce,
        hash(seed),
        "0x02F8b1" + "ab".repeat(170) + String.format("%016x", seed),
        Wei.gwei(5_000 + seed),
        Wei.ZERO,
        BigInteger.valueOf(215_000),
        at(seed));
  }
}
