package io.crogas.engine.violation;

import io.crogas.chain.JsonRpc;

/** Deliberately breaks the layer rules (the engine using the chain adapter, not its ports). */
public final class RpcReachingLane {
  private RpcReachingLane() {}

  public static String endpoint(JsonRpc rpc) {
    return rpc.url();
  }
}
