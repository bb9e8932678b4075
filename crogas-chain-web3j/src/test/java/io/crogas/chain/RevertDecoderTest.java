package io.crogas.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.Address;
import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;

class RevertDecoderTest {
  private static final RevertDecoder DECODER = RevertDecoder.forCroGasContracts();
  private static final Address USER = Address.parse("0x90F79bf6EB2c4f870365E785982E1f101E93b906");

  @Test
  void givenNoRevertData_whenDecoding_thenItSaysSo() {
    assertThat(DECODER.reason(new byte[0])).isEqualTo("reverted without a reason");
  }

  @Test
  void givenAnErrorString_whenDecoding_thenTheMessageIsTheReason() {
    byte[] data = AbiCodec.call("Error(string)", new Utf8String("not enough CRO"));

    assertThat(DECODER.reason(data)).isEqualTo("not enough CRO");
  }

  @Test
  void givenAPanic_whenDecoding_thenTheCodeIsNamed() {
    byte[] data = AbiCodec.call("Panic(uint256)", new Uint256(0x11));

    assertThat(DECODER.reason(data)).isEqualTo("Panic(0x11: arithmetic overflow or underflow)");
  }

  @Test
  void givenACustomErrorWithAddressesAndNumbers_whenDecoding_thenItRendersLikeSolidity() {
    byte[] data =
        AbiCodec.call(
            "InvalidNonce(address,uint256,uint256)",
            Solidity.address(USER),
            new Uint256(2),
            new Uint256(7));

    assertThat(DECODER.reason(data)).isEqualTo("InvalidNonce(" + USER + ", 2, 7)");
  }

  @Test
  void givenTheForwarderWrappingATargetError_whenDecoding_thenTheInnerErrorIsDecodedInPlace() {
    byte[] inner = AbiCodec.call("UnluckyValue(uint256)", new Uint256(13));
    byte[] wrappedString = AbiCodec.call("Error(string)", new Utf8String("nope"));

    assertThat(DECODER.reason(AbiCodec.call("CallFailed(bytes)", new DynamicBytes(inner))))
        .isEqualTo("CallFailed(UnluckyValue(13))");
    assertThat(DECODER.reason(AbiCodec.call("CallFailed(bytes)", new DynamicBytes(wrappedString))))
        .isEqualTo("CallFailed(Error(\"nope\"))");
    assertThat(DECODER.reason(AbiCodec.call("CallFailed(bytes)", new DynamicBytes(new byte[0]))))
        .isEqualTo("CallFailed(0x)");
  }

  @Test
  void givenAnUnknownSelectorOrMalformedArguments_whenDecoding_thenTheRawDataIsShown() {
    byte[] unknown = AbiCodec.call("Mystery(uint256)", new Uint256(BigInteger.ONE));
    byte[] truncated = AbiCodec.selector("UnluckyValue(uint256)");

    assertThat(DECODER.reason(unknown)).isEqualTo("0x" + HexFormat.of().formatHex(unknown));
    assertThat(DECODER.reason(truncated)).isEqualTo("0x" + HexFormat.of().formatHex(truncated));
  }
}
