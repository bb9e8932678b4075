package io.crogas.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.Hash32;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Node wordings and what they mean, one per line of {@code node-refusals.csv}: anvil 1.7.1's as
 * observed (Web3jBroadcasterTest provokes them for real), geth's and Ethermint's from their
 * sources.
 */
class NodeRefusalTest {
  private static final Hash32 OURS =
      new Hash32("0x452d81ada6c35e116f93b13f096c718d907e97b68ee69bd925bf4e1b38b6006e");

  @ParameterizedTest(name = "{0}: \"{1}\" -> {2}")
  @CsvFileSource(resources = "node-refusals.csv", numLinesToSkip = 1, delimiter = '|')
  void givenANodeWording_whenClassified_thenItMeansWhatTheNodeMeant(
      String node, String message, NodeRefusal expected) {
    assertThat(NodeRefusal.of(message, null, OURS)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "message \"{0}\", data \"{1}\"")
  @CsvFileSource(resources = "node-refusals-naming-our-hash.csv", delimiter = '|')
  void givenAnErrorNamingOurHash_whenClassified_thenTheNodeKnowsTheTransaction(
      String message, String data) {
    assertThat(NodeRefusal.of(message, data, OURS)).isEqualTo(NodeRefusal.ALREADY_KNOWN);
  }
}
