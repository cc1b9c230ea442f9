package org.finpatrol.indexer;

import java.nio.file.Path;

/**
 * The index's files fail Lucene's integrity check (a disk fault, a copy cut short, an edit by
 * hand). The message says what was found and what to do; nothing has been written to the index.
 */
public final class IndexDamagedException extends IllegalStateException {
  public IndexDamagedException(Path dir, String finding, Throwable cause) {
    super(
        "the index "
            + dir
            + " is damaged ("
            + finding
            + "); nothing was written to it. Move the directory aside and patrol again: a new"
            + " index is started, and pages come back into it as they are patrolled",
        cause);
  }
}
