package org.finpatrol.app.patrol;

/**
 * Passes the progress of the running patrol to whoever started it (the CLI prints it). One patrol
 * runs at a time per process, so one target suffices. Thread-safe.
 */
public final class ProgressRelay implements Progress {

  private volatile Progress target = Progress.NONE;

  void to(Progress progress) {
    target = progress == null ? Progress.NONE : progress;
  }

  @Override
  public void line(String text) {
    target.line(text);
  }
}
