package org.finpatrol.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The development corpus's texts, one a line, as the benchmarks build their inputs from them. */
final class CorpusTexts {

  private CorpusTexts() {}

  static String[] read() throws IOException {
    try (InputStream in = CorpusTexts.class.getResourceAsStream("/corpus-texts.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
    }
  }
}
