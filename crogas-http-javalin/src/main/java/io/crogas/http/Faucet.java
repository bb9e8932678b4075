package io.crogas.http;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.TokenAmount;

/** Mints test USDC on dev and testnet configurations. */
@FunctionalInterface
public interface Faucet {
  /** Sends {@code amount} to {@code recipient}; the mint transaction's hash. */
  Hash32 mint(Address recipient, TokenAmount amount);
}
