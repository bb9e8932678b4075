package io.crogas.domain.service;

import io.crogas.domain.model.ForwarderDomain;
import io.crogas.domain.model.TokenDomain;
import io.crogas.domain.policy.FeeSchedule;
import io.crogas.domain.policy.RevertPolicy;
import io.crogas.domain.policy.TargetPolicy;
import io.crogas.domain.policy.TierTable;
import java.math.BigInteger;
import java.time.Duration;

/**
 * Everything the gasless-execution use cases are configured with.
 *
 * @param forwarder the forwarder's EIP-712 domain (chain and address)
 * @param feeToken the USDC token fees are paid in
 * @param forwarderOverheadGas gas the forwarder spends around the user's call (signature check, fee
 *     pull and transfer)
 * @param maxGasPerRequest per-request gas cap that protects the relayer's funds
 * @param defaultDeadline deadline given to quotes that do not ask for one
 * @param deadlineMargin how far beyond now a relay request's deadline and its fee authorization's
 *     {@code validBefore} must be, so that the transaction can be mined before they pass
 * @param reverts how addresses whose calls revert on chain are slowed down, then refused
 */
public record RelaySettings(
    ForwarderDomain forwarder,
    TokenDomain feeToken,
    TierTable tiers,
    FeeSchedule fees,
    TargetPolicy targets,
    BigInteger forwarderOverheadGas,
    BigInteger maxGasPerRequest,
    Duration defaultDeadline,
    Duration deadlineMargin,
    RevertPolicy reverts) {
  public RelaySettings {
    if (forwarder == null
        || feeToken == null
        || tiers == null
        || fees == null
        || targets == null
        || reverts == null) {
      throw new IllegalArgumentException(
          "forwarder, feeToken, tiers, fees, targets and reverts are required");
    }
    if (!forwarder.chainId().equals(feeToken.chainId())) {
      throw new IllegalArgumentException("forwarder and fee token must be on the same chain");
    }
    if (forwarderOverheadGas.signum() < 0 || maxGasPerRequest.signum() <= 0) {
      throw new IllegalArgumentException("gas overhead must be >= 0 and the gas cap > 0");
    }
    if (defaultDeadline.isNegative() || defaultDeadline.isZero()) {
      throw new IllegalArgumentException("default deadline must be positive");
    }
    if (deadlineMargin.isNegative() || deadlineMargin.compareTo(defaultDeadline) >= 0) {
      throw new IllegalArgumentException(
          "the deadline margin must be >= 0 and shorter than the default deadline");
    }
  }
}
