package io.crogas.cli;

import io.crogas.cli.client.ApiUnavailableException;
import io.crogas.cli.serve.InvalidSettingsException;
import io.crogas.domain.ChainUnavailableException;
import io.crogas.domain.StoreUnavailableException;
import picocli.CommandLine;

/**
 * The process exit codes, decided here and nowhere else. Scripts can rely on them (docs/cli.md).
 */
public final class ExitCodes {
  /** Done as asked. */
  public static final int OK = 0;

  /** Refused or failed for a reason the user can act on (wrong password, refused request...). */
  public static final int REFUSED = 1;

  /** The command line or the configuration is wrong (picocli's usage code). */
  public static final int USAGE = CommandLine.ExitCode.USAGE;

  /** The chain's RPC, the store or the CroGas server cannot be reached or is down. */
  public static final int UNAVAILABLE = 3;

  private ExitCodes() {}

  /** The exit code of a command that ended with {@code failure}. */
  public static int of(Throwable failure) {
    if (failure instanceof ChainUnavailableException
        || failure instanceof StoreUnavailableException
        || failure instanceof ApiUnavailableException) {
      return UNAVAILABLE;
    }
    if (failure instanceof InvalidSettingsException
        || failure instanceof CommandLine.ParameterException) {
      return USAGE;
    }
    return REFUSED;
  }
}
