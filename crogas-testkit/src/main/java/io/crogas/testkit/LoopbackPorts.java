package io.crogas.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Spare TCP ports on 127.0.0.1 for the processes the kit starts. */
final class LoopbackPorts {
  private LoopbackPorts() {}

  /** A port nothing listens on now (the OS picks it). */
  static int free() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }
}
