package org.finpatrol.crawler.net;

import java.net.UnknownHostException;

/** A host resolved only to addresses the network policy refuses. */
public final class PrivateAddressException extends UnknownHostException {
  public PrivateAddressException(String host, String address) {
    super(
        host
            + " resolves to "
            + address
            + ", a loopback or private address"
            + " (allow with --allow-private-network)");
  }
}
