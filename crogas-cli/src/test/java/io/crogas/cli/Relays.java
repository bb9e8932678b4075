package io.crogas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.FeeQuote;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayRequest;
import io.crogas.domain.port.in.QuoteRelayCommand;
import io.crogas.domain.port.in.QuoteRelayUseCase.QuoteOutcome;
import io.crogas.domain.port.in.SubmitRelayCommand;
import io.crogas.domain.port.in.SubmitRelayUseCase.SubmitOutcome;
import io.crogas.node.CroGasNode;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Gasless relay requests as a user's client builds them: quote, sign both documents, submit. */
final class Relays {
  private Relays() {}

  /** Quotes {@code store(value)} on the demo target for {@code user}. */
  static FeeQuote quote(CroGasNode node, LocalNetwork network, LocalNetwork.User user, long value) {
    QuoteOutcome outcome =
        node.quotes()
            .quote(
                new QuoteRelayCommand(
                    user.address(),
                    network.deployment.demoTarget(),
                    LocalNetwork.store(value),
                    "normal",
                    Optional.empty()));
    assertThat(outcome).isInstanceOf(QuoteOutcome.Quoted.class);
    return ((QuoteOutcome.Quoted) outcome).quote();
  }

  /** {@code user}'s request for {@code quote}: the meta-transaction and the fee, both signed. */
  static RelayRequest signed(CroGasNode node, LocalNetwork.User user, FeeQuote quote) {
    return user.paying(quote, node.usdc());
  }

  /** Quotes {@code store(value)} for {@code user} and signs it. */
  static RelayRequest signed(
      CroGasNode node, LocalNetwork network, LocalNetwork.User user, long value) {
    return signed(node, user, quote(node, network, user, value));
  }

  /** Submits {@code request}; the completion of the accepted job. */
  static CompletableFuture<RelayRecord> submit(CroGasNode node, RelayRequest request) {
    SubmitOutcome outcome = node.relay().submit(new SubmitRelayCommand(request));
    assertThat(outcome).isInstanceOf(SubmitOutcome.Accepted.class);
    return ((SubmitOutcome.Accepted) outcome).completion().toCompletableFuture();
  }
}
