package org.finpatrol.app.patrol;

import java.util.List;

/**
 * A spread patrol cannot be resumed yet: some of its partitions are still running in workers (their
 * heartbeat is fresh), though its manager died.
 */
public final class PartitionsStillRunningException extends IllegalStateException {

  PartitionsStillRunningException(long runId, List<Integer> partitions) {
    super(
        "patrol #"
            + runId
            + ": partition(s) "
            + partitions
            + " still running in a worker (beat within the last "
            + PatrolService.DEAD_AFTER.toSeconds()
            + " s); resume it once they are done or their workers stopped: finpatrol patrol"
            + " --restart");
  }
}
