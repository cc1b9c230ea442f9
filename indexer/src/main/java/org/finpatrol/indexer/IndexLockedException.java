package org.finpatrol.indexer;

import java.nio.file.Path;

/** Another process (a running patrol or server) holds the write lock of the index. */
public final class IndexLockedException extends IllegalStateException {
  public IndexLockedException(Path dir, Throwable cause) {
    super(
        "the index "
            + dir
            + " is locked by another FinPatrol process (a patrol or server still running?)",
        cause);
  }
}
