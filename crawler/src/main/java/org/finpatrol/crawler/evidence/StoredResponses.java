package org.finpatrol.crawler.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Reads a response back from the evidence, as {@link WarcEvidence} wrote it, for reviewers to
 * download or view. Only a file directly in the evidence directory is opened, and only a body of at
 * most {@link #MAX_BODY} bytes is returned: the evidence is hostile content.
 */
public final class StoredResponses {

  /** The most body bytes returned; the crawler's own limit is lower. */
  public static final int MAX_BODY = 32 << 20;

  /** A response as recorded: its body as received, its declared content type. */
  public record StoredResponse(String recordId, String url, String contentType, byte[] body) {}

  private StoredResponses() {}

  /**
   * The response record {@code recordId} at {@code offset} of {@code warcFile}.
   *
   * @throws NoSuchElementException when the file or record is not there
   * @throws IllegalArgumentException when {@code warcFile} is not a plain file name
   */
  public static StoredResponse read(Path directory, String warcFile, long offset, String recordId)
      throws IOException {
    Path dir = directory.toAbsolutePath().normalize();
    Path file = dir.resolve(warcFile).normalize();
    if (!dir.equals(file.getParent()) || warcFile.contains("/") || warcFile.contains("\\")) {
      throw new IllegalArgumentException("'" + warcFile + "' is not a WARC file name");
    }
    if (!Files.isRegularFile(file)) {
      // Still being written by a running patrol (WarcEvidence names it when it is complete).
      file = dir.resolve(warcFile + WarcEvidence.OPEN_SUFFIX);
    }
    if (!Files.isRegularFile(file)) {
      throw new NoSuchElementException("no evidence file " + warcFile);
    }
    try (WarcReader reader = new WarcReader(file)) {
      reader.position(offset);
      WarcRecord record =
          reader
              .next()
              .orElseThrow(
                  () -> new NoSuchElementException("no record at " + warcFile + "@" + offset));
      if (!(record instanceof WarcResponse response)
          || !record.id().toString().equals(bare(recordId))) {
        throw new NoSuchElementException(
            "the record at " + warcFile + "@" + offset + " is not response " + recordId);
      }
      try (InputStream in = response.http().body().stream()) {
        byte[] body = in.readNBytes(MAX_BODY);
        return new StoredResponse(
            recordId,
            response.target(),
            response.http().headers().first("Content-Type").orElse("application/octet-stream"),
            body);
      }
    }
  }

  private static String bare(String recordId) {
    String id = recordId.strip();
    return id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
  }
}
