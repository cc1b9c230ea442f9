package org.finpatrol.crawler.extract;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
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
 * Charset choice for Chinese pages. GB2312 and GBK labels are decoded as GB18030, their superset:
 * pages labelled GB2312 routinely contain GBK-only characters. Stateless.
 */
final class Charsets {

  static final Charset GB18030 = Charset.forName("GB18030");
  private static final Pattern CHARSET_PARAM =
      Pattern.compile("charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);

  private Charsets() {}

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

  /** The charset for a label, widened for Chinese labels; null when unknown. */
  static Charset forLabel(String label) {
    String l = label.strip().toLowerCase(Locale.ROOT);
    switch (l) {
      case "gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "windows-936", "euc-cn", "gb18030" -> {
        return GB18030;
      }
      case "big5", "big5-hkscs", "x-x-big5" -> {
        return Charset.forName("Big5-HKSCS");
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

  /** Widens a charset Jsoup chose to the one FinPatrol decodes with. */
  static Charset widen(Charset charset) {
    Charset widened = forLabel(charset.name());
    return widened == null ? charset : widened;
  }

  /** Number of bytes that do not decode in {@code charset} (replacement characters produced). */
  static int undecodable(byte[] bytes, Charset charset) {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .replaceWith("\uFFFD");
    CharBuffer chars;
    try {
      chars = decoder.decode(ByteBuffer.wrap(bytes));
    } catch (java.nio.charset.CharacterCodingException e) {
      return Integer.MAX_VALUE;
    }
    int bad = 0;
    for (int i = 0; i < chars.length(); i++) {
      if (chars.charAt(i) == '\uFFFD') {
        bad++;
      }
    }
    return bad;
  }

  static boolean hasUtf8Bom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf;
  }

  static final Charset UTF_8 = StandardCharsets.UTF_8;
}
