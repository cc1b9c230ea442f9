package org.finpatrol.app.patrol;

/**
 * Where a running patrol reports progress for a human: the CLI prints these lines, a server logs
 * them. Implementations must be thread-safe (crawler threads report).
 */
@FunctionalInterface
public interface Progress {

  void line(String text);

  /** Progress that goes nowhere. */
  Progress NONE = text -> {};
}
