package io.crogas.chain;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.SignedTransaction;
import io.crogas.domain.model.TransactionDraft;
import io.crogas.domain.port.out.RelayerAccounts;
import io.crogas.domain.port.out.RelayerSigner;
import io.crogas.eip712.Hex;
import io.crogas.eip712.Keccak256;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;

/**
 * The pool of relayer keys, loaded from V3 keystores (or raw keys in tests and development), that
 * signs the engine's drafts: a job's contract call ({@link RelayCall}), or for a gap filler a
 * zero-value transfer to the relayer itself. Type-2 (EIP-1559) transactions where the draft says
 * so, EIP-155 legacy ones otherwise. Immutable after construction, so safe from any thread; keys
 * never leave it and nothing it prints or throws contains one.
 */
public final class KeystoreRelayerSigner implements RelayerSigner, RelayerAccounts {
  private final Map<Address, Credentials> keys;
  private final InstantSource clock;

  private KeystoreRelayerSigner(List<Credentials> credentials, InstantSource clock) {
    if (credentials.isEmpty()) {
      throw new KeystoreException("the relayer pool needs at least one key");
    }
    Map<Address, Credentials> byAddress = new LinkedHashMap<>();
    for (Credentials key : credentials) {
      Address address = Address.parse(key.getAddress());
      if (byAddress.putIfAbsent(address, key) != null) {
        throw new KeystoreException("relayer " + address + " is configured twice");
      }
    }
    this.keys = Collections.unmodifiableMap(byAddress);
    this.clock = clock;
  }

  /** Decrypts each keystore file with {@code password}. */
  public static KeystoreRelayerSigner fromKeystores(
      List<Path> files, KeystorePassword password, InstantSource clock) {
    return new KeystoreRelayerSigner(
        files.stream().map(file -> KeystoreFiles.decrypt(file, password)).toList(), clock);
  }

  /** Raw private keys (hex): for tests and development, never for a deployed relayer. */
  public static KeystoreRelayerSigner fromPrivateKeys(
      List<String> privateKeysHex, InstantSource clock) {
    return new KeystoreRelayerSigner(
        privateKeysHex.stream().map(KeystoreFiles::keyPair).map(Credentials::create).toList(),
        clock);
  }

  /** The pool's addresses, in the order the keys were given. */
  @Override
  public List<Address> addresses() {
    return List.copyOf(keys.keySet());
  }

  /**
   * @throws IllegalArgumentException if the draft's relayer is not in the pool
   */
  @Override
  public SignedTransaction sign(TransactionDraft draft) {
    Credentials key = keys.get(draft.relayer());
    if (key == null) {
      throw new IllegalArgumentException("no key in the pool for relayer " + draft.relayer());
    }
    byte[] raw = TransactionEncoder.signMessage(unsigned(draft), draft.chainId().value(), key);
    return new SignedTransaction(
        draft.relayer(),
        draft.nonce(),
        Hash32.of(Keccak256.hash(raw)),
        Hex.encode(raw),
        draft.maxFeePerGas(),
        draft.tip(),
        draft.gasLimit(),
        clock.instant());
  }

  private static RawTransaction unsigned(TransactionDraft draft) {
    RelayCall call =
        draft.job().map(RelayCall::of).orElseGet(() -> new RelayCall(draft.relayer(), new byte[0]));
    BigInteger nonce = BigInteger.valueOf(draft.nonce());
    String data = Hex.encode(call.data());
    if (draft.eip1559()) {
      return RawTransaction.createTransaction(
          draft.chainId().value(),
          nonce,
          draft.gasLimit(),
          call.to().value(),
          BigInteger.ZERO,
          data,
          draft.tip().value(),
          draft.maxFeePerGas().value());
    }
    // Legacy: the one gas price is the draft's cap; the chain id goes in v (EIP-155).
    return RawTransaction.createTransaction(
        nonce,
        draft.maxFeePerGas().value(),
        draft.gasLimit(),
        call.to().value(),
        BigInteger.ZERO,
        data);
  }

  @Override
  public String toString() {
    return "KeystoreRelayerSigner" + keys.keySet();
  }
}
