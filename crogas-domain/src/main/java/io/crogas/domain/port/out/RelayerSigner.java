package io.crogas.domain.port.out;

import io.crogas.domain.model.SignedTransaction;
import io.crogas.domain.model.TransactionDraft;

/**
 * Signs relayer transactions with the key of {@code draft.relayer()}. The adapter encodes the job
 * (the forwarder's {@code execute}, or the token's {@code transferWithAuthorization}) into the
 * transaction's data; keys never leave it and are never logged.
 */
public interface RelayerSigner {
  SignedTransaction sign(TransactionDraft draft);
}
