package org.finpatrol.text;

/**
 * A word found by the {@link Segmenter}: its normalised text and its character offsets {@code
 * [start, end)} into the segmented text.
 */
public record Token(String text, int start, int end) {
  public Token {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad offsets [" + start + ", " + end + ")");
    }
  }
}
