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

  /**
   * The texts' sentences, each with its closing punctuation (。！？；!?;), for {@link
   * #appendComposedParagraphs}.
   */
  static String[] sentences(String[] texts) {
    java.util.List<String> sentences = new java.util.ArrayList<>();
    for (String text : texts) {
      for (String sentence : text.split("(?<=[。！？；!?;])")) {
        if (!sentence.isBlank()) {
          sentences.add(sentence);
        }
      }
    }
    return sentences.toArray(String[]::new);
  }

  /**
   * Appends {@code count} paragraphs of three to five sentences drawn at random: as long as the
   * texts' paragraphs, but practically never the same paragraph twice, as no two articles of a site
   * are (whole texts drawn from a few hundred repeat on every page of a large site).
   */
  static void appendComposedParagraphs(
      StringBuilder html, String[] sentences, Random random, int count) {
    for (int i = 0; i < count; i++) {
      html.append("<p>").append(composedParagraph(sentences, random)).append("</p>");
    }
  }

  /** Three to five sentences drawn at random: a paragraph no other page has. */
  static String composedParagraph(String[] sentences, Random random) {
    StringBuilder paragraph = new StringBuilder(256);
    for (int n = 3 + random.nextInt(3); n > 0; n--) {
      paragraph.append(sentences[random.nextInt(sentences.length)]);
    }
    return paragraph.toString();
  }

  static String[] read() throws IOException {
    try (InputStream in = CorpusTexts.class.getResourceAsStream("/corpus-texts.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
    }
  }
}
