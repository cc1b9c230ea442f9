package org.finpatrol.classifier.match;

import org.finpatrol.text.Normalizer;

/**
 * A view of a text for phrase matching: normalised ({@link Normalizer}) and with the separators
 * that obfuscation puts inside words removed (保 本 保 息, 保-本, 💰保💰本, 「保本」), while sentence ends
 * become a hard break that no phrase crosses. Every character of the view knows its offset in the
 * original text, so matches map back to what a reviewer sees.
 *
 * <p>Letters and digits (any script) and the characters {@code % . ％} are kept; sentence ends
 * {@code 。！？!?；;} and line breaks become {@link #BREAK}; everything else is dropped. Immutable.
 */
public final class CompactText {

  /** Stands for a sentence end in the compact view; never part of a phrase. */
  public static final char BREAK = '\u0001';

  private final String original;
  private final String normalised;
  private final String compact;
  private final int[] offsets;

  private CompactText(String original, String normalised, String compact, int[] offsets) {
    this.original = original;
    this.normalised = normalised;
    this.compact = compact;
    this.offsets = offsets;
  }

  public static CompactText of(String original) {
    String normalised = Normalizer.normalize(original);
    StringBuilder compact = new StringBuilder(normalised.length());
    int[] offsets = new int[normalised.length() + 1];
    boolean lastBreak = true;
    for (int i = 0; i < normalised.length(); ) {
      int cp = normalised.codePointAt(i);
      int len = Character.charCount(cp);
      if (isSentenceEnd(cp)) {
        if (!lastBreak) {
          offsets[compact.length()] = i;
          compact.append(BREAK);
          lastBreak = true;
        }
      } else if (Character.isLetterOrDigit(cp) || cp == '%' || cp == '.') {
        for (int k = 0; k < len; k++) {
          offsets[compact.length()] = i + k;
          compact.append(normalised.charAt(i + k));
        }
        lastBreak = false;
      }
      i += len;
    }
    int[] trimmed = new int[compact.length() + 1];
    System.arraycopy(offsets, 0, trimmed, 0, compact.length());
    trimmed[compact.length()] = normalised.length();
    return new CompactText(original, normalised, compact.toString(), trimmed);
  }

  private static boolean isSentenceEnd(int cp) {
    return switch (cp) {
      case '。', '！', '？', '!', '?', '；', ';', '\n', '\r' -> true;
      default -> false;
    };
  }

  /** The original text normalised ({@link Normalizer}); same length and offsets as the original. */
  public String normalised() {
    return normalised;
  }

  /** The compact, normalised view. */
  public String compact() {
    return compact;
  }

  public String original() {
    return original;
  }

  /** Offset in the original text of the compact character at {@code index}. */
  public int originalStart(int index) {
    return offsets[index];
  }

  /** Offset in the original text just after the compact range ending (exclusive) at {@code end}. */
  public int originalEnd(int end) {
    if (end == 0) {
      return 0;
    }
    int last = offsets[end - 1];
    return last + (Character.isHighSurrogate(original.charAt(last)) ? 2 : 1);
  }

  /**
   * Index in the compact view of the first compact character at or after {@code originalOffset}.
   */
  public int compactIndex(int originalOffset) {
    int lo = 0;
    int hi = compact.length();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (offsets[mid] < originalOffset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Start (inclusive) in the compact view of the sentence containing {@code index}. */
  public int sentenceStart(int index) {
    int i = Math.min(index, compact.length()) - 1;
    while (i >= 0 && compact.charAt(i) != BREAK) {
      i--;
    }
    return i + 1;
  }

  /** End (exclusive) in the compact view of the sentence containing {@code index}. */
  public int sentenceEnd(int index) {
    int i = compact.indexOf(BREAK, index);
    return i < 0 ? compact.length() : i;
  }
}
