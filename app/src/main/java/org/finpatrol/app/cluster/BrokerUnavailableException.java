package org.finpatrol.app.cluster;

/** The message broker did not answer; the message says where it was looked for and what to do. */
public final class BrokerUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  BrokerUnavailableException(String where, Throwable cause) {
    super(
        "the message broker at "
            + where
            + " does not answer ("
            + (cause.getCause() != null ? cause.getCause().getMessage() : cause.getMessage())
            + "); start it, or point FINPATROL_BROKER_URL at it",
        cause);
  }
}
