package org.finpatrol.app.cli;

/** Bad input from the user (an option, a file, a line, a URL): one clear line, exit code 2. */
public final class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
