package org.finpatrol.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** The development corpus's texts, one a line, as the benchmarks build their inputs from them. */
final class CorpusTexts {

  /** A footer as financial sites' pages have one: a company, an address, a phone, an ICP number. */
  static final String FOOTER =
      "<div class=\"footer\">鑫盛投资管理有限公司 版权所有 地址：河南省鹤壁市淇滨区华山路88号"
          + " 电话：0392-3208867 豫ICP备12345678号-1</div>";

  private CorpusTexts() {}

  /** Appends {@code count} paragraphs, each a text drawn at random, to {@code html}. */
  static void appendParagraphs(StringBuilder html, String[] texts, Random random, int count) {
    for (int i = 0; i < count; i++) {
      html.append("<p>").append(texts[random.nextInt(texts.length)]).append("</p>");
    }
  }

  static String[] read() throws IOException {
    try (InputStream in = CorpusTexts.class.getResourceAsStream("/corpus-texts.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
    }
  }
}
