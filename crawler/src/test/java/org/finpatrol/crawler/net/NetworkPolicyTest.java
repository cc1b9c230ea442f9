package org.finpatrol.crawler.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkPolicyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.8.9.10",
        "10.1.2.3",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.1",
        "169.254.169.254",
        "0.0.0.0",
        "100.64.0.1",
        "224.0.0.1",
        "255.255.255.255",
        "::1",
        "fc00::1",
        "fd12:3456::1",
        "fe80::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1"
      })
  void privateAddressesAreRefused(String ip) throws UnknownHostException {
    assertThat(NetworkPolicy.isPrivate(InetAddress.getByName(ip))).as(ip).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2001:4860:4860::8888"})
  void publicAddressesAreAllowed(String ip) throws UnknownHostException {
    assertThat(NetworkPolicy.isPrivate(InetAddress.getByName(ip))).as(ip).isFalse();
  }

  @Test
  void resolverRefusesPrivateAnswersUnlessAllowedAndUsesOverrides() throws UnknownHostException {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    GuardedDnsResolver strict = new GuardedDnsResolver(Map.of("demo.test", loopback), false);
    assertThatThrownBy(() -> strict.resolve("demo.test"))
        .isInstanceOf(PrivateAddressException.class)
        .hasMessageContaining("demo.test")
        .hasMessageContaining("--allow-private-network");
    assertThatThrownBy(() -> strict.resolve("127.0.0.1"))
        .isInstanceOf(PrivateAddressException.class);
    GuardedDnsResolver open = new GuardedDnsResolver(Map.of("demo.test", loopback), true);
    assertThat(open.resolve("DEMO.test")).containsExactly(loopback);
  }
}
