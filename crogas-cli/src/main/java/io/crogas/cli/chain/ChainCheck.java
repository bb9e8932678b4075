package io.crogas.cli.chain;

import io.crogas.cli.CliFailure;
import io.crogas.domain.ChainUnavailableException;
import java.time.Duration;

/** Makes sure an RPC URL answers and is the chain the user named, before anything is sent. */
public final class ChainCheck {
  private ChainCheck() {}

  /**
   * @throws ChainUnavailableException if {@code url} does not answer JSON-RPC
   * @throws CliFailure if it is another chain
   */
  public static void expect(String url, long chainId, Duration timeout) {
    RpcProbe.Answer answer = new RpcProbe(timeout).chainId(url);
    if (answer instanceof RpcProbe.Answer.Unreachable unreachable) {
      throw new ChainUnavailableException(unreachable.reason());
    }
    long actual = ((RpcProbe.Answer.ChainIdIs) answer).chainId();
    if (actual != chainId) {
      throw new CliFailure(url + " is chain " + actual + ", not " + chainId + " as asked");
    }
  }
}
