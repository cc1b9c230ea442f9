package org.finpatrol.crawler.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.finpatrol.crawler.EvidenceRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;

class WarcEvidenceTest {

  @Test
  void responseAndRequestAreWrittenAndTheDigestIsOfTheBody(@TempDir Path dir) throws IOException {
    byte[] body = "<html><title>鑫盛理财</title>保本保息</html>".getBytes(StandardCharsets.UTF_8);
    EvidenceRef ref;
    try (WarcEvidence evidence = new WarcEvidence(dir, "patrol-7")) {
      ref =
          evidence.record(
              new WarcEvidence.Exchange(
                  "http://xinsheng.test/p?a=1",
                  "FinPatrol/test",
                  200,
                  "OK",
                  List.of(
                      Map.entry("Content-Type", "text/html; charset=utf-8"),
                      Map.entry("Transfer-Encoding", "chunked")),
                  body,
                  false,
                  Instant.parse("2026-11-24T08:00:00Z"),
                  Map.of("icp", List.of("豫ICP备12345678号"))));
    }
    assertThat(ref.warcFile()).startsWith("patrol-7-").endsWith(".warc.gz");
    assertThat(ref.sha256()).isEqualTo(WarcEvidence.sha256Hex(body)).hasSize(64);

    try (WarcReader reader = new WarcReader(dir.resolve(ref.warcFile()))) {
      reader.position(ref.offset());
      WarcRecord first = reader.next().orElseThrow();
      assertThat(first).isInstanceOf(WarcResponse.class);
      WarcResponse response = (WarcResponse) first;
      assertThat("<" + response.id() + ">").isEqualTo(ref.recordId());
      assertThat(response.target()).isEqualTo("http://xinsheng.test/p?a=1");
      assertThat(response.http().status()).isEqualTo(200);
      assertThat(response.http().headers().first("Transfer-Encoding")).isEmpty();
      assertThat(response.http().body().stream().readAllBytes()).isEqualTo(body);
      assertThat(response.payloadDigest().orElseThrow().hex()).isEqualTo(ref.sha256());
      WarcRecord second = reader.next().orElseThrow();
      assertThat(second).isInstanceOf(WarcRequest.class);
      assertThat(((WarcRequest) second).http().headers().first("User-Agent"))
          .contains("FinPatrol/test");
      WarcRecord third = reader.next().orElseThrow();
      assertThat(third).isInstanceOf(WarcMetadata.class);
      assertThat(((WarcMetadata) third).fields().first("icp")).contains("豫ICP备12345678号");
      assertThat(third.headers().first("WARC-Concurrent-To")).contains(ref.recordId());
    }
  }

  @Test
  void aStoredResponseIsReadBackOnlyByItsIdAndOnlyFromTheDirectory(@TempDir Path dir)
      throws IOException {
    byte[] body = "<title><script>alert(1)</script>鑫盛</title>".getBytes(StandardCharsets.UTF_8);
    EvidenceRef ref;
    try (WarcEvidence evidence = new WarcEvidence(dir, "patrol-8")) {
      ref =
          evidence.record(
              new WarcEvidence.Exchange(
                  "http://xinsheng.test/",
                  "FinPatrol/test",
                  200,
                  "OK",
                  List.of(Map.entry("Content-Type", "text/html; charset=utf-8")),
                  body,
                  false,
                  Instant.parse("2026-11-24T08:00:00Z"),
                  Map.of()));
    }
    StoredResponses.StoredResponse read =
        StoredResponses.read(dir, ref.warcFile(), ref.offset(), ref.recordId());
    assertThat(read.body()).isEqualTo(body);
    assertThat(read.contentType()).startsWith("text/html").contains("charset=utf-8");
    assertThat(read.url()).isEqualTo("http://xinsheng.test/");

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                StoredResponses.read(
                    dir,
                    ref.warcFile(),
                    ref.offset(),
                    "<urn:uuid:" + java.util.UUID.randomUUID() + ">"))
        .isInstanceOf(java.util.NoSuchElementException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                StoredResponses.read(dir.resolve("sub"), "../" + ref.warcFile(), 0, ref.recordId()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a WARC file name");
  }

  private static WarcEvidence.Exchange exchange(String url) {
    return new WarcEvidence.Exchange(
        url,
        "FinPatrol/test",
        200,
        "OK",
        List.of(Map.entry("Content-Type", "text/html; charset=utf-8")),
        ("<p>保本保息，年化收益15%</p>" + url).getBytes(StandardCharsets.UTF_8),
        false,
        Instant.parse("2026-11-24T08:00:00Z"),
        Map.of());
  }

  private static int records(Path file) throws IOException {
    int n = 0;
    try (WarcReader reader = new WarcReader(file)) {
      for (WarcRecord r : reader) {
        r.body().consume();
        n++;
      }
    }
    return n;
  }

  @Test
  void aFileTornByACrashIsCutAfterItsLastWholeRecordAndNamed(@TempDir Path dir) throws IOException {
    EvidenceRef ref;
    try (WarcEvidence evidence = new WarcEvidence(dir, "patrol-9")) {
      evidence.record(exchange("http://xinsheng.test/1"));
      evidence.record(exchange("http://xinsheng.test/2"));
      ref = evidence.record(exchange("http://xinsheng.test/3"));
    }
    Path whole = dir.resolve(ref.warcFile());
    assertThat(records(whole)).isEqualTo(6);
    byte[] bytes = java.nio.file.Files.readAllBytes(whole);
    // The process died while the last record (the third request) was half written.
    java.nio.file.Files.write(
        dir.resolve("patrol-8-torn.warc.gz.open"),
        java.util.Arrays.copyOf(bytes, bytes.length - 20));

    List<WarcEvidence.Recovered> recovered = WarcEvidence.recover(dir);

    assertThat(recovered)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.file()).isEqualTo("patrol-8-torn.warc.gz");
              assertThat(r.bytesCut()).isPositive();
            });
    assertThat(dir.resolve("patrol-8-torn.warc.gz.open")).doesNotExist();
    assertThat(records(dir.resolve("patrol-8-torn.warc.gz"))).isEqualTo(5);
    assertThat(
            StoredResponses.read(dir, "patrol-8-torn.warc.gz", ref.offset(), ref.recordId()).url())
        .isEqualTo("http://xinsheng.test/3");
  }

  @Test
  void aFileStillBeingWrittenIsLeftAloneAndReadable(@TempDir Path dir) throws IOException {
    try (WarcEvidence evidence = new WarcEvidence(dir, "patrol-10")) {
      EvidenceRef ref = evidence.record(exchange("http://huitong.test/"));
      assertThat(dir.resolve(ref.warcFile() + ".open")).exists();
      assertThat(WarcEvidence.recover(dir)).isEmpty();
      assertThat(dir.resolve(ref.warcFile() + ".open")).exists();
      assertThat(StoredResponses.read(dir, ref.warcFile(), ref.offset(), ref.recordId()).url())
          .isEqualTo("http://huitong.test/");
    }
    try (var files = java.nio.file.Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .singleElement()
          .satisfies(n -> assertThat(n).endsWith(".warc.gz"));
    }
  }
}
