package io.crogas.eip712;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecoveryTest {
  @Test
  void givenTwoRecoveriesOfTheSameAddress_whenCompared_thenTheyAreEqualByValue() {
    byte[] address = Hex.decode("0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826");
    Recovery.Recovered a = new Recovery.Recovered(address);
    address[0] = 0;

    assertThat(a).isEqualTo(new Recovery.Recovered(Eip55.parse(a.address())));
    assertThat(a.address()).isEqualTo("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826");
    assertThat(a).hasToString("Recovered[0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826]");
  }
}
