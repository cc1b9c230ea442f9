package org.finpatrol.crawler.extract;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Charset choice for Chinese pages, in order: a byte-order mark; the HTTP header; {@code <meta
 * charset>} or {@code http-equiv}; then detection. A declared charset that leaves undecodable bytes
 * while UTF-8 decodes the page cleanly loses to UTF-8 (pages declared GBK but saved as UTF-8 are
 * common). Detection tries UTF-8 (strict), then GB18030 against Big5, keeping the one whose text
 * holds more of the most frequent Chinese characters. GB2312 and GBK labels are decoded as GB18030,
 * their superset: pages labelled GB2312 routinely contain GBK-only characters; Big5 as Big5-HKSCS.
 * Stateless.
 */
final class Charsets {

  static final Charset GB18030 = Charset.forName("GB18030");
  static final Charset BIG5 = Charset.forName("Big5-HKSCS");

  /** How the charset was chosen, for the record. */
  enum Basis {
    BOM,
    HEADER,
    META,
    DETECTED,
    CORRECTED
  }

  record Choice(Charset charset, Basis basis) {}

  private static final Pattern CHARSET_PARAM =
      Pattern.compile("charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern META =
      Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
  private static final int SNIFF_BYTES = 4096;
  private static final int MIN_UTF8_EVIDENCE = 4;
  private static final int SAMPLE_BYTES = 64 * 1024;

  /** Frequent characters of Chinese text, simplified and the commonest traditional forms. */
  private static final String FREQUENT =
      "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里"
          + "用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想"
          + "实日者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应向头文体"
          + "相见被利什二等产或新己制身果加月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员"
          + "金融投资理财收益保本息贷款平台资金银行存管元万号市区公司有限服务客户产品利率年化风险"
          + "們個這來說時會為國對與發後當過於還進麼經樣點從無現開關實錢貸財資銀險證業務產";

  private Charsets() {}

  static Choice choose(byte[] body, String contentType) {
    Charset bom = bom(body);
    if (bom != null) {
      return new Choice(bom, Basis.BOM);
    }
    Charset header = fromContentType(contentType);
    if (header != null) {
      return checked(body, header, Basis.HEADER);
    }
    Charset meta = fromMeta(body);
    if (meta != null) {
      return checked(body, meta, Basis.META);
    }
    return new Choice(detect(body), Basis.DETECTED);
  }

  private static Choice checked(byte[] body, Charset declared, Basis basis) {
    // Text in another encoding is practically never valid UTF-8 with several multi-byte
    // characters, so a page that is, whatever it declares, was saved as UTF-8.
    if (!declared.equals(StandardCharsets.UTF_8)
        && multibyteUtf8(body) >= MIN_UTF8_EVIDENCE
        && undecodable(body, StandardCharsets.UTF_8) == 0) {
      return new Choice(StandardCharsets.UTF_8, Basis.CORRECTED);
    }
    return new Choice(declared, basis);
  }

  /** Number of UTF-8 lead bytes of multi-byte sequences (a rough count of non-ASCII characters). */
  private static int multibyteUtf8(byte[] body) {
    int n = 0;
    for (byte b : body) {
      if ((b & 0xe0) == 0xc0 || (b & 0xf0) == 0xe0 || (b & 0xf8) == 0xf0) {
        n++;
      }
    }
    return n;
  }

  static Charset detect(byte[] body) {
    if (undecodable(body, StandardCharsets.UTF_8) == 0) {
      return StandardCharsets.UTF_8;
    }
    return score(body, BIG5) > score(body, GB18030) ? BIG5 : GB18030;
  }

  /** Share of decoded characters (in the sample) that are frequent Chinese characters. */
  private static double score(byte[] body, Charset charset) {
    String text = decode(body, charset, SAMPLE_BYTES);
    int han = 0;
    int frequent = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\uFFFD') {
        han++;
      } else if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
        han++;
        if (FREQUENT.indexOf(c) >= 0) {
          frequent++;
        }
      }
    }
    return han == 0 ? 0 : (double) frequent / han;
  }

  /**
   * The charset named by a Content-Type value, widened for Chinese labels; null if none/unknown.
   */
  static Charset fromContentType(String contentType) {
    if (contentType == null) {
      return null;
    }
    Matcher m = CHARSET_PARAM.matcher(contentType);
    return m.find() ? forLabel(m.group(1)) : null;
  }

  static Charset fromMeta(byte[] body) {
    String head =
        new String(body, 0, Math.min(body.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
    Matcher m = META.matcher(head);
    return m.find() ? forLabel(m.group(1)) : null;
  }

  /** The charset for a label, widened for Chinese labels; null when unknown. */
  static Charset forLabel(String label) {
    String l = label.strip().toLowerCase(Locale.ROOT);
    switch (l) {
      case "gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "windows-936", "euc-cn", "gb18030" -> {
        return GB18030;
      }
      case "big5", "big5-hkscs", "x-x-big5", "cp950" -> {
        return BIG5;
      }
      default -> {
        try {
          return Charset.forName(l);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
          return null;
        }
      }
    }
  }

  private static Charset bom(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
      return StandardCharsets.UTF_8;
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
      return StandardCharsets.UTF_16BE;
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  /**
   * Number of undecodable sequences when decoding {@code bytes} in {@code charset}, not counting a
   * multi-byte character cut off at the end (bodies are truncated at the size cap).
   */
  static int undecodable(byte[] bytes, Charset charset) {
    int end = bytes.length;
    for (int i = 0; i < 3 && end > 0 && bytes[end - 1] < 0; i++) {
      end--;
    }
    String text = decode(bytes, charset, end);
    int bad = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\uFFFD') {
        bad++;
      }
    }
    return bad;
  }

  private static String decode(byte[] bytes, Charset charset, int max) {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .replaceWith("\uFFFD");
    try {
      CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, 0, Math.min(max, bytes.length)));
      return chars.toString();
    } catch (CharacterCodingException e) {
      return "\uFFFD";
    }
  }
}
