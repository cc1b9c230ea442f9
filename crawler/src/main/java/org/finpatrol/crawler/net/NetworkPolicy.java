package org.finpatrol.crawler.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Classifies addresses a crawled link may point at. Crawled content is hostile: a page can link to
 * {@code http://127.0.0.1:8080/admin} or a cloud metadata address, so by default the crawler
 * connects only to public addresses. Stateless.
 */
public final class NetworkPolicy {

  private NetworkPolicy() {}

  /**
   * Whether {@code address} is loopback, private (RFC 1918, unique local fc00::/7), link-local
   * (including 169.254.169.254), carrier-grade NAT (100.64/10), unspecified, multicast, or
   * otherwise not on the public internet.
   */
  public static boolean isPrivate(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isSiteLocalAddress()
        || address.isLinkLocalAddress()
        || address.isAnyLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first == 0 // "this network"
          || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
          || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
          || (first == 198 && (second == 18 || second == 19)) // benchmarking
          || first >= 240; // reserved and broadcast
    }
    if (address instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) { // unique local
        return true;
      }
      if (isMappedOrCompatibleIpv4(b)) {
        try {
          return isPrivate(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (java.net.UnknownHostException e) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isMappedOrCompatibleIpv4(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0);
  }
}
