package org.finpatrol.app.store;

/**
 * The database did not answer for as long as the caller was willing to wait. The message says what
 * was being done and for how long it waited; the cause is the last connection failure.
 */
public class DatabaseUnavailableException extends RuntimeException {

  public DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
