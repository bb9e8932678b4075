package io.crogas.eip712;

import java.util.Arrays;

/** The outcome of recovering a signer's address from a digest and a 65-byte signature. */
public sealed interface Recovery permits Recovery.Recovered, Recovery.Rejected {

  /** The signature is well-formed and recovers to {@code address20}. */
  record Recovered(byte[] address20) implements Recovery {
    public Recovered {
      if (address20 == null || address20.length != Eip55.ADDRESS_LENGTH) {
        throw new IllegalArgumentException("an address is 20 bytes");
      }
      address20 = address20.clone();
    }

    @Override
    public byte[] address20() {
      return address20.clone();
    }

    /** The recovered address in EIP-55 form. */
    public String address() {
      return Eip55.checksum(address20);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Recovered that && Arrays.equals(address20, that.address20);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(address20);
    }

    @Override
    public String toString() {
      return "Recovered[" + address() + "]";
    }
  }

  /** The signature is malformed or recovers to no key. */
  record Rejected(SignatureFault fault, String message) implements Recovery {}
}
