package io.crogas.cli;

import io.crogas.chain.NetworkProfile;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.Calldata;
import io.crogas.domain.model.ChainId;
import io.crogas.domain.model.FeeQuote;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayRequest;
import io.crogas.domain.model.Signature;
import io.crogas.domain.model.SignedAuthorization;
import io.crogas.domain.port.in.QuoteRelayCommand;
import io.crogas.domain.port.in.QuoteRelayUseCase.QuoteOutcome;
import io.crogas.domain.port.in.SubmitRelayCommand;
import io.crogas.domain.port.in.SubmitRelayUseCase.SubmitOutcome;
import io.crogas.eip712.Secp256k1;
import io.crogas.node.CroGasNode;
import io.crogas.node.FixedPriceFeed;
import io.crogas.node.NodeConfig;
import io.crogas.node.RelayerKeys;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Relays one gasless call through a CroGas node running inside this JVM. */
final class EmbeddingExample {
  private EmbeddingExample() {}

  static RelayRecord relayOnce(
      String rpcUrl,
      Address forwarder,
      Address usdc,
      String relayerKey,
      Path storeFile,
      BigInteger userKey,
      Address target,
      Calldata call)
      throws Exception {
    NodeConfig config =
        NodeConfig.builder(rpcUrl, NetworkProfile.cronos(ChainId.CRONOS_TESTNET), forwarder, usdc)
            .relayerKeys(new RelayerKeys.PrivateKeys(List.of(relayerKey)))
            .storeFile(storeFile)
            .prices(new FixedPriceFeed(new BigDecimal("0.10"), InstantSource.system()))
            .build();
    try (CroGasNode node = CroGasNode.start(config)) {
      Address user = Address.of(Secp256k1.address(userKey));
      QuoteOutcome outcome =
          node.quotes()
              .quote(new QuoteRelayCommand(user, target, call, "normal", Optional.empty()));
      if (!(outcome instanceof QuoteOutcome.Quoted quoted)) {
        throw new IllegalStateException("no quote: " + outcome);
      }
      FeeQuote quote = quoted.quote();
      // The user signs both documents (in a wallet: eth_signTypedData_v4 of the quote's typed
      // data).
      Signature call712 = Signature.of(Secp256k1.sign(quote.digest().bytes(), userKey).toBytes());
      byte[] feeDigest = quote.paymentAuthorization().receiveDigest(node.usdc()).bytes();
      Signature fee712 = Signature.of(Secp256k1.sign(feeDigest, userKey).toBytes());
      RelayRequest request =
          new RelayRequest(
              user,
              quote.metaTransaction(),
              call712,
              Optional.of(new SignedAuthorization(quote.paymentAuthorization(), fee712)));
      SubmitOutcome submitted = node.relay().submit(new SubmitRelayCommand(request));
      if (!(submitted instanceof SubmitOutcome.Accepted accepted)) {
        throw new IllegalStateException("refused: " + submitted);
      }
      return accepted.completion().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
  }
}
