package org.finpatrol.text;

import com.hankcs.hanlp.dictionary.other.CharTable;

/**
 * Character-for-character normalisation of Chinese text: traditional to simplified script,
 * full-width to half-width, upper to lower case. Line breaks stay line breaks.
 *
 * <p>Every character maps to exactly one character, so an offset into the normalised text is the
 * same offset into the original. That is what lets search highlights and classifier findings point
 * at the characters a reviewer sees. The mapping is HanLP's character table; phrase-level
 * conversions (which may change length) are deliberately not used.
 *
 * <p>Stateless and thread-safe.
 */
public final class Normalizer {

  static {
    HanLPSetup.configure();
  }

  private Normalizer() {}

  /** Returns the normalised form of {@code text}; same length as the input. */
  public static String normalize(CharSequence text) {
    char[] chars = text.toString().toCharArray();
    normalizeInPlace(chars, 0, chars.length);
    return new String(chars);
  }

  /** Normalises {@code length} characters of {@code chars} starting at {@code offset}, in place. */
  public static void normalizeInPlace(char[] chars, int offset, int length) {
    for (int i = offset, end = offset + length; i < end; i++) {
      chars[i] = normalize(chars[i]);
    }
  }

  /** Normalises one character. Surrogates are returned unchanged. */
  public static char normalize(char c) {
    // HanLP's table turns line breaks into spaces; keep them, they end sentences and lines.
    if (Character.isSurrogate(c) || c == '\n' || c == '\r') {
      return c;
    }
    char mapped = CharTable.convert(c);
    // HanLP maps a few characters to '\0'-like placeholders or surrogates; keep the original then.
    return mapped == 0 || Character.isSurrogate(mapped) ? c : mapped;
  }
}
