package org.finpatrol.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Sites of several made-up hosts served by one WireMock server: a patrol maps every host to
 * 127.0.0.1 and WireMock answers by the Host header.
 */
public final class TestSites {

  private TestSites() {}

  /** Serves {@code html} (UTF-8) at {@code path} of {@code host}. */
  public static void page(WireMockServer sites, String host, String path, String html) {
    sites.stubFor(
        get(path)
            .withHost(equalTo(host))
            .willReturn(
                aResponse().withHeader("Content-Type", "text/html; charset=utf-8").withBody(html)));
  }
}
