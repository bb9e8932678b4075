package io.crogas.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {
  private final TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.168.1.7, fd00::/8");

  @Test
  void givenAnUntrustedPeer_whenItClaimsAnotherClient_thenThePeerIsTheClient() {
    assertThat(proxies.client("203.0.113.9", List.of("1.2.3.4"))).isEqualTo("203.0.113.9");
    assertThat(TrustedProxies.none().client("10.0.0.1", List.of("1.2.3.4"))).isEqualTo("10.0.0.1");
  }

  @Test
  void givenATrustedChain_whenForwarded_thenTheRightMostUntrustedHopIsTheClient() {
    // The client wrote 6.6.6.6 itself; the proxies appended what they saw.
    assertThat(proxies.client("10.1.2.3", List.of("6.6.6.6, 198.51.100.4, 192.168.1.7")))
        .isEqualTo("198.51.100.4");
    // Several headers are one list, in order.
    assertThat(proxies.client("10.1.2.3", List.of("6.6.6.6", "198.51.100.4")))
        .isEqualTo("198.51.100.4");
    assertThat(proxies.client("fd00::1", List.of("2001:db8::5"))).isEqualTo("2001:db8:0:0:0:0:0:5");
    assertThat(proxies.client("10.1.2.3", List.of("[2001:db8::5]:443")))
        .isEqualTo("2001:db8:0:0:0:0:0:5");
    assertThat(proxies.client("10.1.2.3", List.of("198.51.100.4:5555"))).isEqualTo("198.51.100.4");
  }

  @Test
  void givenOnlyTrustedOrUnreadableHops_whenForwarded_thenTheLastReadableHop() {
    assertThat(proxies.client("10.1.2.3", List.of())).isEqualTo("10.1.2.3");
    assertThat(proxies.client("10.1.2.3", List.of("10.9.9.9, 192.168.1.7"))).isEqualTo("10.9.9.9");
    assertThat(proxies.client("10.1.2.3", List.of("198.51.100.4, unknown"))).isEqualTo("10.1.2.3");
    assertThat(proxies.client("10.1.2.3", List.of("evil.example"))).isEqualTo("10.1.2.3");
  }

  @Test
  void givenIpv6Clients_whenLimited_thenEach64IsOneClient() {
    assertThat(TrustedProxies.limitKey("2001:db8:1:2:aaaa::1"))
        .isEqualTo(TrustedProxies.limitKey("2001:db8:1:2:bbbb::9"))
        .isEqualTo("2001:db8:1:2::/64");
    assertThat(TrustedProxies.limitKey("2001:db8:1:3::1")).isNotEqualTo("2001:db8:1:2::/64");
    assertThat(TrustedProxies.limitKey("203.0.113.9")).isEqualTo("203.0.113.9");
  }

  @Test
  void givenNonsense_whenParsed_thenRefusedNamingTheEntry() {
    assertThat(TrustedProxies.parse("").ranges()).isEmpty();
    assertThat(proxies.ranges()).hasSize(3);
    for (String bad : List.of("10.0.0.0/33", "proxy.example", "10.0.0/8", "1.2.3.4/x", "::1/129")) {
      assertThatThrownBy(() -> TrustedProxies.parse(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(bad.split("/")[0]);
    }
  }
}
