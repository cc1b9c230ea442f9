package org.finpatrol.classifier.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A faster way to run a pattern whose class is the Han characters minus a list, {@code
 * [\p{IsHan}&&[^的了是…]]} (the restricted-name rules' brand, which has no function words). Java
 * compiles the listed characters into a chain of one test each, walked for every character the
 * class is tried on: with a hundred listed, that class was most of the classifier's time.
 *
 * <p>Folded, the pattern runs on a copy of the text in which each listed character is replaced by a
 * private-use character of its own (and any private-use character the text had by U+FFFD). The
 * class becomes {@code \p{IsHan}}, which private-use characters are not, and every other occurrence
 * of a listed character in the pattern is replaced as in the text; so the folded pattern matches
 * the folded text exactly where the pattern matches the text, at the same offsets. A pattern is
 * folded only when nothing else in it tells characters apart by their Unicode properties ({@code
 * \p}, {@code \b}, {@code (?U)} and the like): for those a listed character and its stand-in would
 * differ.
 */
public final class HanFold {

  private static final Pattern CLASS =
      Pattern.compile("\\[\\\\p\\{IsHan\\}&&\\[\\^([^\\[\\]\\\\&^\\-]+)\\]\\]");

  /** Escapes that do not look at a character's Unicode properties, so stand-ins pass as well. */
  private static final String PLAIN_ESCAPES = "sSdDwWtnrf0[](){}.|\\-/?+*^$'\"";

  private static final char FIRST = '\uE000';
  private static final char LAST = '\uF8FF';
  private static final char STRAY = '\uFFFD';

  private final Pattern pattern;
  private final String listed;
  private final char[] standIn = new char[Character.MAX_VALUE + 1];

  private HanFold(Pattern pattern, String listed) {
    this.pattern = pattern;
    this.listed = listed;
    for (int i = 0; i < listed.length(); i++) {
      standIn[listed.charAt(i)] = (char) (FIRST + i);
    }
  }

  /** The folded form of {@code source}, or null when it has no such class or cannot be folded. */
  public static HanFold of(String source) {
    if (source.indexOf('\u0000') >= 0) {
      return null; // the marker of a class below
    }
    Matcher m = CLASS.matcher(source);
    String listed = null;
    StringBuilder rest = new StringBuilder();
    int last = 0;
    while (m.find()) {
      String chars = distinct(m.group(1));
      if (chars == null || (listed != null && !listed.equals(chars))) {
        return null; // one list per pattern: one copy of the text
      }
      listed = chars;
      rest.append(source, last, m.start()).append('\u0000');
      last = m.end();
    }
    if (listed == null) {
      return null;
    }
    rest.append(source, last, source.length());
    if (!foldable(rest)) {
      return null;
    }
    StringBuilder folded = new StringBuilder(rest.length() + 16);
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      int at = listed.indexOf(c);
      if (c == '\u0000') {
        folded.append("\\p{IsHan}");
      } else if (at >= 0) {
        folded.append((char) (FIRST + at));
      } else {
        folded.append(c);
      }
    }
    try {
      return new HanFold(Pattern.compile(folded.toString()), listed);
    } catch (PatternSyntaxException e) {
      return null; // the pattern as written is still run, unfolded
    }
  }

  /** The pattern to run on {@link #apply folded} text. */
  public Pattern pattern() {
    return pattern;
  }

  /** The listed characters: patterns with the same list fold a text the same way. */
  public String listed() {
    return listed;
  }

  /** The text with each listed character replaced by its stand-in; offsets are unchanged. */
  public String apply(String text) {
    char[] out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char to = standIn[c];
      if (to == 0 && c >= FIRST && c <= LAST) {
        to = STRAY;
      }
      if (to != 0) {
        if (out == null) {
          out = text.toCharArray();
        }
        out[i] = to;
      }
    }
    return out == null ? text : new String(out);
  }

  /** The characters of a list, each once, in order; null if one cannot have a stand-in. */
  private static String distinct(String chars) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < chars.length(); i++) {
      char c = chars.charAt(i);
      if (Character.isSurrogate(c) || (c >= FIRST && c <= LAST) || c == STRAY || c == 0) {
        return null;
      }
      if (out.indexOf(String.valueOf(c)) < 0) {
        out.append(c);
      }
    }
    return out.length() <= LAST - FIRST + 1 ? out.toString() : null;
  }

  /**
   * Whether the pattern, without its Han classes, treats a listed character and its stand-in alike:
   * no escape that looks at Unicode properties (a {@code \p} class, word boundaries, named
   * characters), no inline flag (Unicode classes, comments mode), no stand-in of its own.
   */
  private static boolean foldable(CharSequence rest) {
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if ((c >= FIRST && c <= LAST) || c == STRAY) {
        return false;
      }
      if (c == '\\') {
        if (i + 1 >= rest.length() || PLAIN_ESCAPES.indexOf(rest.charAt(i + 1)) < 0) {
          return false;
        }
        i++;
      } else if (c == '(' && i + 2 < rest.length() && rest.charAt(i + 1) == '?') {
        char k = rest.charAt(i + 2);
        // Groups and look-arounds are fine; (?m) too; other inline flags are not.
        if (Character.isLetter(k) && !onlyMultiline(rest, i + 2)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean onlyMultiline(CharSequence rest, int from) {
    int i = from;
    while (i < rest.length() && rest.charAt(i) == 'm') {
      i++;
    }
    return i > from && i < rest.length() && (rest.charAt(i) == ')' || rest.charAt(i) == ':');
  }
}
