package io.crogas.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.eip712.Eip3009Types;
import io.crogas.eip712.Eip712Domain;
import io.crogas.eip712.Hex;
import io.crogas.eip712.Keccak256;
import io.crogas.eip712.MetaTransactionType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Java EIP-712 library (crogas-eip712) and the deployed contracts compute the same domain
 * separators and meta-transaction digests, so what the engine has users sign is what the forwarder
 * verifies.
 */
class Eip712AgreementAnvilTest {
  @RegisterExtension static final AnvilStack stack = new AnvilStack();

  @Test
  void givenTheForwarder_thenItsDomainSeparatorIsCroGasVersion1() {
    byte[] expected = forwarderSeparator();

    assertThat(stack.call(stack.forwarder(), "DOMAIN_SEPARATOR()(bytes32)"))
        .isEqualTo(Hex.encode(expected));
  }

  @Test
  void givenAMetaTransaction_thenTheForwarderAndTheJavaLibraryDigestAlike() {
    byte[] separator = forwarderSeparator();
    byte[] calldata =
        Hex.decode("0x6057361d000000000000000000000000000000000000000000000000000000000000002a");
    BigInteger nonce = BigInteger.valueOf(7);
    BigInteger deadline = BigInteger.valueOf(1_900_000_000L);

    byte[] expected =
        MetaTransactionType.digest(
            separator, Hex.decode(stack.demoTarget()), calldata, "normal", nonce, deadline);

    assertThat(
            stack.call(
                stack.forwarder(),
                "hashMetaTransaction(address,bytes,string,uint256,uint256)(bytes32)",
                stack.demoTarget(),
                Hex.encode(calldata),
                "normal",
                nonce.toString(),
                deadline.toString()))
        .isEqualTo(Hex.encode(expected));
  }

  @Test
  void givenTheTestToken_thenItsDomainAndReceiveTypeMatchTheJavaLibrary() {
    byte[] separator =
        Eip712Domain.of(AnvilStack.USDC_NAME, "1", 338, Hex.decode(stack.usdc())).separator();
    byte[] receiveTypeHash =
        Keccak256.hash(Eip3009Types.RECEIVE_WITH_AUTHORIZATION.getBytes(StandardCharsets.UTF_8));

    assertThat(stack.call(stack.usdc(), "DOMAIN_SEPARATOR()(bytes32)"))
        .isEqualTo(Hex.encode(separator));
    assertThat(stack.call(stack.usdc(), "RECEIVE_WITH_AUTHORIZATION_TYPEHASH()(bytes32)"))
        .isEqualTo(Hex.encode(receiveTypeHash));
  }

  private static byte[] forwarderSeparator() {
    return Eip712Domain.of("CroGas", "1", 338, Hex.decode(stack.forwarder())).separator();
  }
}
