package org.finpatrol.review;

/** A transition the workflow does not allow from the case's current state. */
public final class InvalidTransitionException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  InvalidTransitionException(String message) {
    super(message);
  }
}
