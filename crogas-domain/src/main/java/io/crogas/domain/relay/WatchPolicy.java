package io.crogas.domain.relay;

import io.crogas.domain.model.FeeMarket;
import io.crogas.domain.model.Receipt;
import io.crogas.domain.model.TransactionDraft;
import io.crogas.domain.model.Wei;
import io.crogas.domain.policy.ReplacementPolicy;
import io.crogas.domain.policy.ReplacementPolicy.Fees;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the watch does with a nonce in flight until the chain passes it (PRODUCT §6: nonces are
 * never left behind; every wait is bounded). An open nonce the node does not hold (dropped,
 * evicted, never arrived) is re-sent at once; one that waited {@code replaceAfter} is replaced with
 * both fees bumped, never above the ceiling nor the quoted cap, and one the base fee has priced out
 * is re-bid as soon as that is seen ({@link #repriced}); past the replacement policy, or after a
 * refusal, its latest bytes go again every period. A nonce the chain passed is the job's once a
 * receipt of any of its hashes is found; none within {@code receiptGrace} means another transaction
 * used it, and its hashes are still looked up for {@link #LATE_RECEIPTS}.
 */
public record WatchPolicy(
    ReplacementPolicy replacement, Duration replaceAfter, Duration receiptGrace) {
  private static final BigInteger EIGHT = BigInteger.valueOf(8);

  /** How long the hashes of a nonce reported lost are still looked up for a late receipt. */
  public static final Duration LATE_RECEIPTS = Duration.ofHours(24);

  public WatchPolicy {
    if (replacement == null || replaceAfter.isNegative() || receiptGrace.isNegative()) {
      throw new IllegalArgumentException("a replacement policy and waits >= 0 are required");
    }
  }

  /** The next send for open {@code nonce}, with the node's pending nonce at {@code pending}. */
  public NextSend next(WatchedNonce nonce, long pending, Instant now) {
    boolean waited = !now.isBefore(nonce.lastSent().plus(replaceAfter));
    if (!waited) {
      // Spaced by a tenth of the replacement period, so an answer that keeps saying nothing (an
      // unknown error) does not flood the node.
      boolean missing = nonce.needsResend() || (nonce.nonce() >= pending && !nonce.refused());
      boolean rested = rested(nonce.lastTry(), now);
      return missing && rested ? new NextSend.Resend(false) : new NextSend.Wait();
    }
    TransactionDraft draft = nonce.draft();
    Optional<Fees> fees =
        nonce.refused()
            ? Optional.empty()
            : replacement
                .next(new Fees(draft.maxFeePerGas(), draft.tip()), nonce.replacements())
                // A replacement never bids above the fee cap the payer was quoted.
                .filter(next -> draft.allowsFeeCap(next.maxFeePerGas()));
    return fees.<NextSend>map(
            next -> new NextSend.Replace(draft.withFees(next.maxFeePerGas(), next.tip())))
        .orElse(new NextSend.Resend(true));
  }

  /**
   * Whether open {@code nonce} has waited long enough (a tenth of the replacement period since
   * anything was last sent for it) to be checked against the chain's base fee. Refused nonces too:
   * a node drops a transaction the base fee has passed and refuses its bytes when they are sent
   * again, so a re-bid is the only way such a nonce lands before the base fee falls back.
   */
  public boolean overdue(WatchedNonce nonce, Instant now) {
    return rested(nonce.lastTry(), now);
  }

  /** Whether a tenth of the replacement period has passed since {@code since}. */
  public boolean rested(Instant since, Instant now) {
    return !now.isBefore(since.plus(replaceAfter.dividedBy(10)));
  }

  /**
   * A replacement for open {@code nonce} when the base fee of {@code market} has passed its fee
   * cap, so that it cannot be mined until the base fee falls (each full block raises it by 12.5%,
   * so a run of them outgrows a tier's headroom in a few blocks, and the nonce holds back every
   * later one of its key): the fees a send would bid now ({@code fresh}), and at least the node's
   * bump. Empty when the nonce is not priced out (its fee cap still covers the base fee, so
   * whatever refused it a higher bid would not cure), on a chain without a base fee, past the
   * replacement policy, or when even the fresh bid would not reach the base fee (the relayer's
   * ceiling or the quoted cap stop it: the periodic replacement of {@link #next} still applies).
   */
  public Optional<TransactionDraft> repriced(WatchedNonce nonce, FeeMarket market, Fees fresh) {
    TransactionDraft draft = nonce.draft();
    Wei charged = nextBlockBaseFeeBound(market.baseFee());
    if (!pricedOut(draft, market) || fresh.maxFeePerGas().compareTo(charged) < 0) {
      return Optional.empty();
    }
    return replacement
        .next(new Fees(draft.maxFeePerGas(), draft.tip()), nonce.replacements())
        .map(
            bumped ->
                new Fees(
                    higher(bumped.maxFeePerGas(), fresh.maxFeePerGas()),
                    higher(bumped.tip(), fresh.tip())))
        .filter(next -> next.maxFeePerGas().compareTo(replacement.ceiling()) <= 0)
        // A replacement never bids above the fee cap the payer was quoted.
        .filter(next -> draft.allowsFeeCap(next.maxFeePerGas()))
        .map(next -> draft.withFees(next.maxFeePerGas(), next.tip()));
  }

  /**
   * Whether refused {@code nonce}'s latest bytes go again now rather than after the period: the
   * base fee of {@code market} is back under their fee cap, so a refusal for it (a spike that no
   * re-bid could follow, with the relayer's ceiling or the payer's quote below it) has passed, and
   * waiting out the period would hold back every later nonce of the key. A refusal for another
   * reason is asked again too, one send per nonce per tenth of the period at most.
   */
  public boolean readmitted(WatchedNonce nonce, FeeMarket market) {
    return nonce.refused() && market.eip1559() && !pricedOut(nonce.draft(), market);
  }

  /**
   * Whether the base fee of {@code market} has passed the fee cap of {@code draft}. Nodes admit and
   * include against the next block's base fee, up to 12.5% above the latest block's after a full
   * one: a cap between the two is refused or left out all the same.
   */
  private static boolean pricedOut(TransactionDraft draft, FeeMarket market) {
    return market.eip1559()
        && draft.maxFeePerGas().compareTo(nextBlockBaseFeeBound(market.baseFee())) < 0;
  }

  /** The highest base fee the block after one with {@code base} can have (EIP-1559: +1/8). */
  static Wei nextBlockBaseFeeBound(Wei base) {
    BigInteger[] eighths = base.value().multiply(BigInteger.valueOf(9)).divideAndRemainder(EIGHT);
    return new Wei(eighths[1].signum() == 0 ? eighths[0] : eighths[0].add(BigInteger.ONE));
  }

  private static Wei higher(Wei a, Wei b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /**
   * What it means that the chain passed {@code nonce} and {@code receipt} is what its hashes have:
   * without one, the receipt may lag the nonce, so loss is only concluded after the grace, since
   * failing a job whose transaction did land would report a charged payment as failed.
   */
  public Passed passed(WatchedNonce nonce, Optional<Receipt> receipt, Instant now) {
    if (receipt.isPresent()) {
      return new Passed.Mined(receipt.get());
    }
    WatchedNonce missing = nonce.missing(now);
    if (now.isBefore(missing.missingSince().orElseThrow().plus(receiptGrace))) {
      return new Passed.Missing(missing);
    }
    return new Passed.Lost(
        new LateNonce(missing, now.plus(LATE_RECEIPTS), now),
        "relayer nonce "
            + nonce.nonce()
            + " was used by a transaction CroGas did not send, and no receipt of its own came"
            + " within "
            + receiptGrace.toSeconds()
            + " s; resubmit (a late receipt would still correct this)");
  }

  /** Whether a nonce reported lost is looked up now, later, or no more. */
  public LateLook look(LateNonce late, Instant now) {
    if (now.isAfter(late.until())) {
      return LateLook.EXPIRED;
    }
    return now.isBefore(late.lookedAt().plus(receiptGrace)) ? LateLook.NOT_YET : LateLook.DUE;
  }

  /** What the watch sends next for an open nonce. */
  public sealed interface NextSend permits NextSend.Wait, NextSend.Resend, NextSend.Replace {
    /** Nothing now. */
    record Wait() implements NextSend {}

    /** The latest bytes again; then a full period passes before a bump when {@code thenWait}. */
    record Resend(boolean thenWait) implements NextSend {}

    /** A replacement: the same transaction with bumped fees. */
    record Replace(TransactionDraft bumped) implements NextSend {}
  }

  /** A nonce the chain has passed. */
  public sealed interface Passed permits Passed.Mined, Passed.Missing, Passed.Lost {
    /** One of its transactions was mined with {@code receipt}. */
    record Mined(Receipt receipt) implements Passed {}

    /** No receipt yet, within the grace: keep looking. */
    record Missing(WatchedNonce nonce) implements Passed {}

    /** Used by a transaction CroGas did not send: the job fails; {@code late} keeps looking. */
    record Lost(LateNonce late, String reason) implements Passed {}
  }

  /** A nonce reported lost, looked up until {@code until}, last at {@code lookedAt}. */
  public record LateNonce(WatchedNonce nonce, Instant until, Instant lookedAt) {
    public LateNonce lookedAt(Instant now) {
      return new LateNonce(nonce, until, now);
    }
  }

  /** When a nonce reported lost is looked up. */
  public enum LateLook {
    EXPIRED,
    DUE,
    NOT_YET
  }
}
