package org.finpatrol.crawler.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * The crawler's DNS resolver: fixed overrides first (demo sites, tests), then the system resolver,
 * and then the {@link NetworkPolicy}. Checking here, at connect time, rather than when a link is
 * scheduled also covers redirects and DNS answers that change between check and use. Thread-safe.
 */
public final class GuardedDnsResolver implements DnsResolver {

  private final Map<String, InetAddress> overrides;
  private final boolean allowPrivate;

  public GuardedDnsResolver(Map<String, InetAddress> overrides, boolean allowPrivate) {
    this.overrides = Map.copyOf(overrides);
    this.allowPrivate = allowPrivate;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    String key = host.toLowerCase(Locale.ROOT);
    InetAddress fixed = overrides.get(key);
    InetAddress[] addresses =
        fixed != null ? new InetAddress[] {fixed} : SystemDefaultDnsResolver.INSTANCE.resolve(host);
    if (!allowPrivate) {
      for (InetAddress address : addresses) {
        if (NetworkPolicy.isPrivate(address)) {
          throw new PrivateAddressException(host, address.getHostAddress());
        }
      }
    }
    return addresses;
  }

  @Override
  public String resolveCanonicalHostname(String host) throws UnknownHostException {
    return overrides.containsKey(host.toLowerCase(Locale.ROOT))
        ? host
        : SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
  }
}
