package io.crogas.store.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script shipped as a resource of this package, and its SHA-1 (what {@code EVALSHA} names it
 * by). A script cannot call another: shared functions ({@code outbox.lua} for the scripts that
 * write webhook deliveries, {@code fence.lua} for the nonce ledger's writes) are put in front.
 */
record LuaScript(String name, String text, String sha) {

  /** {@code name}, with the functions of {@code libraries} in front. */
  static LuaScript load(String name, String... libraries) {
    StringBuilder text = new StringBuilder();
    for (String library : libraries) {
      text.append(resource(library)).append('\n');
    }
    return of(name, text.append(resource(name)).toString());
  }

  private static LuaScript of(String name, String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
      return new LuaScript(name, text, HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = LuaScript.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("script " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read script " + name, e);
    }
  }
}
