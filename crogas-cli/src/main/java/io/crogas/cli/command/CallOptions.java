package io.crogas.cli.command;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Calldata;
import picocli.CommandLine.Option;

/** The call a user wants relayed. */
final class CallOptions {
  @Option(names = "--target", required = true, paramLabel = "ADDR", description = "Contract.")
  Address target;

  @Option(names = "--calldata", required = true, paramLabel = "0x..", description = "Call data.")
  Calldata calldata;

  @Option(
      names = "--gas-level",
      paramLabel = "TIER",
      defaultValue = "normal",
      description = "slow, normal (default) or fast.")
  String gasLevel;
}
