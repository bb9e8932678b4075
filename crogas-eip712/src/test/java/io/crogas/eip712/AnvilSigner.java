package io.crogas.eip712;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.crogas.testkit.AnvilChain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Anvil as an independent EIP-712 signer: {@code eth_signTypedData_v4} for its dev accounts. A
 * JUnit extension: register it in a static field and anvil runs once for the test class.
 */
final class AnvilSigner implements BeforeAllCallback, AfterAllCallback {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AnvilChain chain;
  private List<Account> accounts;

  @Override
  public void beforeAll(ExtensionContext context) {
    chain = AnvilChain.start();
    accounts = fetchAccounts();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    chain.close();
  }

  /** One of anvil's unlocked accounts: its address as anvil reports it and its private key. */
  record Account(String address, BigInteger privateKey) {}

  /** Anvil's accounts (from {@code eth_accounts}) paired with the test kit's dev keys. */
  List<Account> accounts() {
    return accounts;
  }

  /** The {@code i}-th account, wrapping around. */
  Account account(int i) {
    return accounts.get(i % accounts.size());
  }

  private List<Account> fetchAccounts() {
    JsonNode addresses = result(chain.rpc("eth_accounts", "[]"));
    List<Account> accounts = new ArrayList<>();
    for (int i = 0; i < AnvilChain.DEV_KEYS.size(); i++) {
      accounts.add(
          new Account(
              addresses.get(i).textValue(),
              new BigInteger(1, Hex.decode(AnvilChain.DEV_KEYS.get(i)))));
    }
    return accounts;
  }

  /** Anvil's 65-byte signature of the typed-data JSON document. */
  byte[] signTypedData(String address, String typedDataJson) {
    try {
      ArrayNode params = JSON.createArrayNode().add(address).add(JSON.readTree(typedDataJson));
      return Hex.decode(
          result(chain.rpc("eth_signTypedData_v4", JSON.writeValueAsString(params))).textValue());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Asserts that anvil's signature of {@code document} recovers, under {@code digest}, to the
   * account, and that Java's own RFC 6979 signature of {@code digest} is byte for byte anvil's.
   */
  void assertAgrees(TypedData document, byte[] digest, Account account) {
    String json = TypedDataJson.write(document);
    byte[] anvilSignature = signTypedData(account.address(), json);

    assertThat(Secp256k1.recover(digest, anvilSignature))
        .as("recovery of anvil's signature of %s", json)
        .isInstanceOfSatisfying(
            Recovery.Recovered.class,
            recovered -> assertThat(recovered.address()).isEqualToIgnoringCase(account.address()));
    assertThat(Hex.encode(Secp256k1.sign(digest, account.privateKey()).toBytes()))
        .as("Java's signature of %s", json)
        .isEqualTo(Hex.encode(anvilSignature));
  }

  private static JsonNode result(String response) {
    try {
      JsonNode body = JSON.readTree(response);
      if (!body.has("result")) {
        throw new AssertionError("anvil refused: " + response);
      }
      return body.get("result");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
