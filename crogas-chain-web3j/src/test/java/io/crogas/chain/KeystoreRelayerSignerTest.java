package io.crogas.chain;

import static io.crogas.testkit.AnvilChain.DEV_ADDRESSES;
import static io.crogas.testkit.AnvilChain.DEV_KEYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.ChainId;
import io.crogas.domain.model.ForwarderDomain;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.MetaTransaction;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.SignedTransaction;
import io.crogas.domain.model.TokenDomain;
import io.crogas.domain.model.TransactionDraft;
import io.crogas.domain.model.Wei;
import io.crogas.eip712.Hex;
import io.crogas.eip712.Keccak256;
import java.math.BigInteger;
import java.security.SignatureException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.transaction.type.Transaction1559;
import org.web3j.crypto.transaction.type.TransactionType;

/**
 * What the signer puts in the bytes, decoded again by web3j (anvil runs them in
 * Web3jBroadcasterTest).
 */
class KeystoreRelayerSignerTest {
  private static final ChainId CHAIN = ChainId.CRONOS_TESTNET;
  private static final Address RELAYER = Address.parse(DEV_ADDRESSES.get(1));
  private static final Address OTHER_RELAYER = Address.parse(DEV_ADDRESSES.get(4));
  private static final Address FORWARDER =
      Address.parse("0x00000000000000000000000000000000000000f0");
  private static final Address TOKEN = Address.parse("0x00000000000000000000000000000000000000c0");
  private static final Address TARGET = Address.parse("0x00000000000000000000000000000000000000d0");
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private static final Wei TIP = Wei.gwei(1);
  private static final Wei CAP = Wei.gwei(30);
  private static final BigInteger GAS = BigInteger.valueOf(250_000);
  private static final TokenDomain TOKEN_DOMAIN =
      TokenDomain.of(LocalCroGas.TOKEN_NAME, "1", CHAIN, TOKEN, 6);

  private final KeystoreRelayerSigner pool =
      KeystoreRelayerSigner.fromPrivateKeys(
          List.of(DEV_KEYS.get(1), DEV_KEYS.get(4)), InstantSource.fixed(NOW));

  @Test
  void givenAForwarderCallDraft_whenSignedAsEip1559_thenTheBytesCarryExecuteAndTheDraftsFees()
      throws SignatureException {
    RelayJob.ForwarderCall job = forwarderCall();

    SignedTransaction signed = pool.sign(draft(Optional.of(job), 7, true));

    SignedRawTransaction decoded = decode(signed);
    Transaction1559 fields = (Transaction1559) decoded.getTransaction();
    assertThat(decoded.getType()).isEqualTo(TransactionType.EIP1559);
    assertThat(fields.getChainId()).isEqualTo(CHAIN.value());
    assertThat(fields.getMaxPriorityFeePerGas()).isEqualTo(TIP.value());
    assertThat(fields.getMaxFeePerGas()).isEqualTo(CAP.value());
    assertThat(decoded.getNonce()).isEqualTo(7);
    assertThat(decoded.getGasLimit()).isEqualTo(GAS);
    assertThat(decoded.getValue()).isZero();
    assertThat(Address.parse(decoded.getTo())).isEqualTo(FORWARDER);
    assertThat(Hex.decode(decoded.getData(), Hex.Prefix.OPTIONAL))
        .isEqualTo(ForwarderCalls.execute(job));
    assertThat(Address.parse(decoded.getFrom())).isEqualTo(RELAYER);
    assertThat(signed)
        .isEqualTo(
            new SignedTransaction(
                RELAYER,
                7,
                Hash32.of(Keccak256.hash(Hex.decode(signed.raw()))),
                signed.raw(),
                CAP,
                TIP,
                GAS,
                NOW));
  }

  @Test
  void givenATokenTransferDraft_whenSignedAsLegacy_thenTheGasPriceIsTheCapAndTheChainIdIsInV()
      throws SignatureException {
    RelayJob.TokenTransfer job = tokenTransfer();

    SignedTransaction signed = pool.sign(draft(Optional.of(job), 3, false));

    SignedRawTransaction decoded = decode(signed);
    assertThat(decoded.getType()).isEqualTo(TransactionType.LEGACY);
    assertThat(decoded.getChainId()).isEqualTo(CHAIN.value());
    assertThat(decoded.getGasPrice()).isEqualTo(CAP.value());
    assertThat(Address.parse(decoded.getTo())).isEqualTo(TOKEN);
    assertThat(Hex.decode(decoded.getData(), Hex.Prefix.OPTIONAL))
        .isEqualTo(TokenCalls.transferWithAuthorization(job.transfer()));
    assertThat(Address.parse(decoded.getFrom())).isEqualTo(RELAYER);
  }

  @Test
  void givenAGapFiller_whenSigned_thenItIsAZeroValueSelfTransferOf21000Gas() {
    SignedTransaction signed =
        pool.sign(TransactionDraft.gapFiller(OTHER_RELAYER, CHAIN, 11, CAP, TIP, true));

    RawTransaction decoded = decode(signed);
    assertThat(Address.parse(decoded.getTo())).isEqualTo(OTHER_RELAYER);
    assertThat(decoded.getValue()).isZero();
    assertThat(decoded.getGasLimit()).isEqualTo(BigInteger.valueOf(21_000));
    assertThat(decoded.getData()).isIn("", "0x");
    assertThat(signed.relayer()).isEqualTo(OTHER_RELAYER);
  }

  @Test
  void givenADraftForAnAccountOutsideThePool_whenSigned_thenItIsRefusedWithoutAnyKey() {
    Address stranger = Address.parse(DEV_ADDRESSES.get(3));

    assertThatThrownBy(
            () -> pool.sign(TransactionDraft.gapFiller(stranger, CHAIN, 0, CAP, TIP, true)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no key in the pool for relayer " + stranger);
  }

  @Test
  void givenThePool_whenListedOrPrinted_thenItShowsAddressesInOrderAndNoKeys() {
    assertThat(pool.addresses()).containsExactly(RELAYER, OTHER_RELAYER);
    assertThat(pool.toString())
        .contains(RELAYER.value())
        .doesNotContain(DEV_KEYS.get(1).substring(2), DEV_KEYS.get(4).substring(2));
  }

  @Test
  void givenTheSameKeyTwice_whenThePoolIsBuilt_thenItIsRefused() {
    assertThatThrownBy(
            () ->
                KeystoreRelayerSigner.fromPrivateKeys(
                    List.of(DEV_KEYS.get(1), DEV_KEYS.get(1)), InstantSource.fixed(NOW)))
        .isInstanceOf(KeystoreException.class)
        .hasMessage("relayer " + RELAYER + " is configured twice");
  }

  @Test
  void givenManyThreads_whenSigningAtOnce_thenEachGetsTheSameBytesAsAlone() {
    List<TransactionDraft> drafts =
        IntStream.range(0, 64)
            .mapToObj(
                n ->
                    TransactionDraft.gapFiller(
                        n % 2 == 0 ? RELAYER : OTHER_RELAYER, CHAIN, n, CAP, TIP, n % 3 == 0))
            .toList();
    List<SignedTransaction> alone = drafts.stream().map(pool::sign).toList();

    List<SignedTransaction> together = drafts.parallelStream().map(pool::sign).toList();

    assertThat(together).isEqualTo(alone);
  }

  private static TransactionDraft draft(Optional<RelayJob> job, long nonce, boolean eip1559) {
    return new TransactionDraft(RELAYER, CHAIN, nonce, job, GAS, CAP, TIP, eip1559);
  }

  private static RelayJob.ForwarderCall forwarderCall() {
    MetaTransaction meta =
        new MetaTransaction(
            TARGET, LocalCroGas.store(9), "normal", BigInteger.ZERO, LocalCroGas.inAnHour());
    return LocalCroGas.paidCall(
        ForwarderDomain.of(CHAIN, FORWARDER), TOKEN_DOMAIN, meta, BigInteger.valueOf(1_000));
  }

  private static RelayJob.TokenTransfer tokenTransfer() {
    Hash32 nonce = new Hash32("0x" + "5a".repeat(32));
    return new RelayJob.TokenTransfer(
        TOKEN_DOMAIN, LocalCroGas.transfer(TOKEN_DOMAIN, TARGET, BigInteger.TEN, nonce));
  }

  private static SignedRawTransaction decode(SignedTransaction signed) {
    return (SignedRawTransaction) TransactionDecoder.decode(signed.raw());
  }
}
