package org.finpatrol.classifier.match;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.finpatrol.text.Normalizer;

/**
 * Folds Chinese characters that sound alike: every character of the CJK block becomes the first
 * character with its toneless pinyin (HanLP's pinyin dictionary, the usual reading of a polyphone),
 * so 宝本宝息 and 保本保息 fold to the same string. Other characters stay as they are, and the folded text
 * has the length of the input, so offsets carry over. The table is built once (about 0.1 s) on
 * first use.
 */
public final class Homophones {

  private static final char FIRST = '\u4E00';
  private static final char LAST = '\u9FFF';

  private Homophones() {}

  private static final class Table {
    static final char[] REPRESENTATIVE = build();

    private static char[] build() {
      char[] table = new char[LAST - FIRST + 1];
      Map<String, Character> first = new HashMap<>();
      for (char c = FIRST; c <= LAST; c++) {
        table[c - FIRST] = c;
        // Representatives are simplified characters (normalisation leaves them unchanged), so a
        // folded phrase is still a phrase of the compact view.
        if (Normalizer.normalize(c) != c) {
          continue;
        }
        List<Pinyin> pinyin = HanLP.convertToPinyinList(String.valueOf(c));
        if (pinyin.isEmpty() || pinyin.get(0) == Pinyin.none5) {
          continue;
        }
        Character self = c;
        table[c - FIRST] = first.computeIfAbsent(pinyin.get(0).getPinyinWithoutTone(), k -> self);
      }
      return table;
    }
  }

  /** The folded form of a normalised (simplified) text; same length. */
  public static String fold(CharSequence text) {
    char[] table = Table.REPRESENTATIVE;
    char[] out = new char[text.length()];
    for (int i = 0; i < out.length; i++) {
      char c = text.charAt(i);
      out[i] = c >= FIRST && c <= LAST ? table[c - FIRST] : c;
    }
    return new String(out);
  }
}
