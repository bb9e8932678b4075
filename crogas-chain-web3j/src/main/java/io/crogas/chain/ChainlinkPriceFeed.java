package io.crogas.chain;

import io.crogas.domain.ChainUnavailableException;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.CroUsdPrice;
import io.crogas.domain.port.out.PriceFeed;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.web3j.abi.datatypes.Type;

/**
 * CRO/USD from an on-chain Chainlink-style aggregator ({@code AggregatorV3Interface}): {@code
 * latestRoundData()} scaled by {@code decimals()}, observed at the round's {@code updatedAt} (so a
 * feed that stopped updating is seen as stale by the consensus, not trusted as fresh). A round with
 * a non-positive answer or no update time is no price.
 */
public final class ChainlinkPriceFeed implements PriceFeed {
  private static final byte[] LATEST_ROUND_DATA = AbiCodec.call("latestRoundData()");
  private static final List<String> ROUND =
      List.of("uint80", "int256", "uint256", "uint256", "uint80");

  private final JsonRpc rpc;
  private final Address aggregator;
  private final String source;

  public ChainlinkPriceFeed(JsonRpc rpc, Address aggregator) {
    this.rpc = rpc;
    this.aggregator = aggregator;
    this.source = "chainlink:" + aggregator.value();
  }

  @Override
  public Optional<CroUsdPrice> latest() {
    List<byte[]> answers = rpc.callAll(aggregator, List.of(TokenCalls.DECIMALS, LATEST_ROUND_DATA));
    int decimals = AbiCodec.uint(answers.get(0)).intValueExact();
    @SuppressWarnings("rawtypes")
    List<Type> round = AbiCodec.decode(ROUND, answers.get(1));
    if (round.size() != ROUND.size()) {
      throw new ChainUnavailableException(source + " answered a malformed round");
    }
    BigInteger answer = (BigInteger) round.get(1).getValue();
    BigInteger updatedAt = (BigInteger) round.get(3).getValue();
    if (answer.signum() <= 0
        || updatedAt.signum() <= 0
        || updatedAt.bitLength() > 40
        || decimals > 36) {
      return Optional.empty();
    }
    return Optional.of(
        new CroUsdPrice(
            new BigDecimal(answer, decimals).stripTrailingZeros(),
            source,
            Instant.ofEpochSecond(updatedAt.longValueExact())));
  }
}
