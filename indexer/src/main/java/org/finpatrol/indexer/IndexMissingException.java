package org.finpatrol.indexer;

import java.nio.file.Path;

/** There is no index at the given place yet: no patrol has run with this data directory. */
public final class IndexMissingException extends IllegalStateException {
  public IndexMissingException(Path dir) {
    super("no index at " + dir + " (run a patrol first, or check --data)");
  }
}
