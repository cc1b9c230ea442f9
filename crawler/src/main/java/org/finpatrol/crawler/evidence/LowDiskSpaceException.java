package org.finpatrol.crawler.evidence;

import java.io.IOException;

/** Writing evidence would leave less free disk space than the patrol must keep. */
public final class LowDiskSpaceException extends IOException {

  public LowDiskSpaceException(String message) {
    super(message);
  }
}
