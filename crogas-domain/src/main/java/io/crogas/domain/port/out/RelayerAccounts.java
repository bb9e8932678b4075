package io.crogas.domain.port.out;

import io.crogas.domain.model.Address;
import java.util.List;

/** The relayer accounts whose keys sign and pay for transactions (x402 {@code signers}). */
public interface RelayerAccounts {
  List<Address> addresses();
}
