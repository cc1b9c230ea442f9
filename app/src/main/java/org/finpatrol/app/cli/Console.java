package org.finpatrol.app.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The CLI's own output: UTF-8 whatever the platform charset (a C locale would print Chinese as
 * question marks), stdout for results, stderr for errors and progress. The only place in FinPatrol
 * that writes to the standard streams.
 */
public final class Console {

  private static final Console SYSTEM =
      new Console(
          new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8),
          new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));

  private final PrintStream out;
  private final PrintStream err;

  public Console(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static Console system() {
    return SYSTEM;
  }

  public PrintStream out() {
    return out;
  }

  public PrintStream err() {
    return err;
  }

  /** A progress or status line for a human watching; goes to stderr so stdout stays data. */
  public void progress(String line) {
    err.println(line);
  }
}
