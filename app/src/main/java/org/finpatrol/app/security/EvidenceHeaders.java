package org.finpatrol.app.security;

/** The policy of a crawled page shown from the evidence: a sandbox with no scripts, no network. */
public final class EvidenceHeaders {

  public static final String POLICY =
      "sandbox; default-src 'none'; style-src 'unsafe-inline'; form-action 'none';"
          + " frame-ancestors 'self'";

  private EvidenceHeaders() {}
}
