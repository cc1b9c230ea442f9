package org.finpatrol.crawler.evidence;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.finpatrol.crawler.EvidenceRef;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.netpreserve.jwarc.WarcWriter;

/**
 * Appends response, request and metadata records to gzip-compressed WARC files in one directory,
 * rolling over to a new file past a size (1 GiB by default). Files are only ever appended to and
 * are opened with CREATE_NEW, so an existing file is never rewritten. While a file is being written
 * it is named {@code <name>.open} and locked; it gets its name when it is complete. A file left
 * {@code .open} by a process that died is repaired by {@link #recover}: a record torn by the crash
 * is cut off, the whole records before it are kept.
 *
 * <p>The response record holds the status line, the headers as the HTTP client passed them on, and
 * the body as received after any Content-Encoding was undone (the HTTP client decompresses and
 * drops the Content-Encoding header, so the record is self-consistent); its WARC-Payload-Digest is
 * the SHA-256 of that body, which is also the {@code sha256} cited by cases. Thread-safe: records
 * from concurrent fetches are written whole, one after another.
 */
public final class WarcEvidence implements Closeable {

  static final long DEFAULT_ROLLOVER_BYTES = 1L << 30;
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final List<String> DROPPED_HEADERS =
      List.of("transfer-encoding", "content-length", "content-encoding");

  private final Path directory;
  private final String prefix;
  private final long rolloverBytes;
  private final long minFreeBytes;
  // Looked up once: finding a path's file store reads the whole mount table, which for every page
  // was a twentieth of writing its evidence; the free space is still asked of it every time.
  private final FileStore store;
  static final String OPEN_SUFFIX = ".open";

  private WarcWriter writer;
  private FileLock lock;
  private String fileName;
  private int sequence;

  /** Evidence files named {@code <prefix>-<UTC time>-<n>.warc.gz} in {@code directory}. */
  public WarcEvidence(Path directory, String prefix) throws IOException {
    this(directory, prefix, DEFAULT_ROLLOVER_BYTES);
  }

  /** As above, starting a new file once one has grown past {@code rolloverBytes}. */
  public WarcEvidence(Path directory, String prefix, long rolloverBytes) throws IOException {
    this(directory, prefix, rolloverBytes, 0);
  }

  /**
   * As above, refusing to write a record ({@link LowDiskSpaceException}) that would leave less than
   * {@code minFreeBytes} free on the disk: a full disk would tear records and the database.
   */
  public WarcEvidence(Path directory, String prefix, long rolloverBytes, long minFreeBytes)
      throws IOException {
    this.directory = directory;
    this.prefix = prefix;
    this.rolloverBytes = rolloverBytes;
    this.minFreeBytes = minFreeBytes;
    Files.createDirectories(directory);
    try {
      this.store = Files.getFileStore(directory);
    } catch (IOException e) {
      throw new IOException(
          "cannot tell the disk of the evidence directory " + directory + ": " + e.getMessage(), e);
    }
  }

  /**
   * The HTTP exchange to record. {@code headers} keep their order, names as received; {@code
   * metadata} (may be empty) becomes a metadata record beside the response: fetch facts and what
   * was extracted from the page.
   */
  public record Exchange(
      String url,
      String userAgent,
      int status,
      String reason,
      List<Map.Entry<String, String>> headers,
      byte[] body,
      boolean truncated,
      Instant fetchedAt,
      Map<String, List<String>> metadata) {}

  /** Writes the request and response records of one exchange; returns the response's reference. */
  public EvidenceRef record(Exchange exchange) throws IOException {
    byte[] body = exchange.body() == null ? new byte[0] : exchange.body();
    // Hashed before taking the lock: other fetch threads may write their records meanwhile.
    String sha256 = sha256Hex(body);
    synchronized (this) {
      return record(exchange, body, sha256);
    }
  }

  private EvidenceRef record(Exchange exchange, byte[] body, String sha256) throws IOException {
    long needed = body.length + 64 * 1024;
    long usable = store.getUsableSpace();
    if (usable - needed < minFreeBytes) {
      throw new LowDiskSpaceException(
          "only "
              + (usable >> 20)
              + " MiB free on the disk of "
              + directory
              + " (at least "
              + (minFreeBytes >> 20)
              + " MiB are kept free): the patrol stops before the disk fills");
    }
    openIfNeeded();
    URI target = URI.create(exchange.url());

    HttpResponse.Builder http =
        new HttpResponse.Builder(
            exchange.status(), exchange.reason() == null ? "" : exchange.reason());
    for (Map.Entry<String, String> h : exchange.headers()) {
      if (!DROPPED_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT))) {
        http.addHeader(h.getKey(), h.getValue());
      }
    }
    http.setHeader("Content-Length", Integer.toString(body.length));
    String contentType =
        exchange.headers().stream()
            .filter(h -> h.getKey().equalsIgnoreCase("Content-Type"))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse("application/octet-stream");
    http.body(MediaType.parseLeniently(contentType), body);

    UUID responseId = UUID.randomUUID();
    WarcResponse.Builder response =
        new WarcResponse.Builder(target)
            .recordId(responseId)
            .date(exchange.fetchedAt())
            .body(http.build())
            .payloadDigest(new WarcDigest("sha256", HexFormat.of().parseHex(sha256)));
    if (exchange.truncated()) {
      response.truncated(WarcTruncationReason.LENGTH);
    }
    long offset = writer.position();
    writer.write(response.build());

    String path =
        target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
    if (target.getRawQuery() != null) {
      path += "?" + target.getRawQuery();
    }
    HttpRequest request =
        new HttpRequest.Builder("GET", path)
            .addHeader("Host", target.getRawAuthority())
            .addHeader("User-Agent", exchange.userAgent())
            .build();
    writer.write(
        new WarcRequest.Builder(target)
            .date(exchange.fetchedAt())
            .concurrentTo(URI.create("urn:uuid:" + responseId))
            .body(request)
            .build());
    if (exchange.metadata() != null && !exchange.metadata().isEmpty()) {
      writer.write(
          new WarcMetadata.Builder()
              .targetURI(target)
              .date(exchange.fetchedAt())
              .concurrentTo(URI.create("urn:uuid:" + responseId))
              .fields(exchange.metadata())
              .build());
    }
    EvidenceRef ref =
        new EvidenceRef(
            fileName, "<urn:uuid:" + responseId + ">", offset, sha256, exchange.fetchedAt());
    if (writer.position() > rolloverBytes) {
      finish();
    }
    return ref;
  }

  private void openIfNeeded() throws IOException {
    if (writer != null) {
      return;
    }
    sequence++;
    fileName = prefix + "-" + STAMP.format(Instant.now()) + "-" + sequence + ".warc.gz";
    if (Files.exists(directory.resolve(fileName))) {
      throw new java.nio.file.FileAlreadyExistsException(directory.resolve(fileName).toString());
    }
    FileChannel channel =
        FileChannel.open(
            directory.resolve(fileName + OPEN_SUFFIX),
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);
    // Tells recover() in another process that this file is being written, not abandoned.
    lock = channel.lock();
    writer = new WarcWriter(channel, WarcCompression.GZIP);
  }

  /** Gives the file its final name (still holding the lock), then closes it. */
  private void finish() throws IOException {
    Files.move(
        directory.resolve(fileName + OPEN_SUFFIX),
        directory.resolve(fileName),
        StandardCopyOption.ATOMIC_MOVE);
    writer.close();
    writer = null;
    lock = null;
  }

  /** A WARC file {@link #recover} repaired: how many torn bytes it cut off. */
  public record Recovered(String file, long bytesCut) {}

  /**
   * Repairs the files a dead process left {@code .open} in {@code directory}: each is read record
   * by record; from the first record that does not read whole (torn by the crash) the file is cut
   * off; then it gets its final name. Files another live process is writing (locked) are left
   * alone.
   */
  public static List<Recovered> recover(Path directory) throws IOException {
    List<Recovered> out = new java.util.ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return out;
    }
    List<Path> open;
    try (var files = Files.list(directory)) {
      open = files.filter(f -> f.getFileName().toString().endsWith(OPEN_SUFFIX)).sorted().toList();
    }
    for (Path file : open) {
      try (FileChannel channel =
          FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        FileLock held;
        try {
          held = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
          held = null; // this JVM is writing it
        }
        if (held == null) {
          continue;
        }
        long size = channel.size();
        long good = wholeRecordsEnd(file, size);
        if (good < size) {
          channel.truncate(good);
          channel.force(true);
        }
        String name = file.getFileName().toString();
        Files.move(
            file,
            directory.resolve(name.substring(0, name.length() - OPEN_SUFFIX.length())),
            StandardCopyOption.ATOMIC_MOVE);
        out.add(
            new Recovered(name.substring(0, name.length() - OPEN_SUFFIX.length()), size - good));
      }
    }
    return out;
  }

  /** Where the last whole record of {@code file} ends (its size when every record is whole). */
  private static long wholeRecordsEnd(Path file, long size) throws IOException {
    if (size == 0) {
      return 0;
    }
    try (WarcReader reader = new WarcReader(FileChannel.open(file, StandardOpenOption.READ))) {
      try {
        while (reader.next().isPresent()) {
          // next() reads the previous record to its end: a torn one fails here.
        }
        return size;
      } catch (IOException | RuntimeException e) {
        // position() is where the record that failed to read starts.
        return reader.position();
      }
    } catch (IOException e) {
      return 0; // not even the first record's start reads
    }
  }

  public static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (writer != null) {
      finish();
    }
  }
}
