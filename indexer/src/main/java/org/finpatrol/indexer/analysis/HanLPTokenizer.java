package org.finpatrol.indexer.analysis;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.AttributeFactory;
import org.finpatrol.text.Normalizer;
import org.finpatrol.text.Segmenter;
import org.finpatrol.text.Token;

/**
 * A Lucene tokenizer that emits HanLP words of normalised text with offsets into the original.
 *
 * <p>Input is read in blocks and cut at sentence boundaries (Chinese and Latin sentence and clause
 * punctuation, line breaks, whitespace), never in the middle of a sentence, so segmentation sees
 * whole sentences and memory stays bounded on long documents. Only a run of more than {@value
 * #MAX_RUN} characters with no boundary at all is cut at that length (between code points).
 *
 * <p>Each block is normalised with {@link Normalizer} (one character for one character) before
 * segmentation, so terms are simplified, half-width, lower-case while offsets, passed through
 * {@link #correctOffset(int)}, point at the original characters. Tokens without a letter or digit
 * (punctuation, whitespace, emoji) are dropped. Like every Lucene tokenizer an instance is used by
 * one thread at a time; the {@link Segmenter} it shares is thread-safe.
 */
public final class HanLPTokenizer extends Tokenizer {

  static final int BLOCK = 4096;
  static final int MAX_RUN = 16384;

  private final Supplier<Segmenter> segmenters;
  private Segmenter segmenter;
  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posIncAtt =
      addAttribute(PositionIncrementAttribute.class);
  private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);

  private char[] buffer = new char[BLOCK * 2];
  private char[] work = new char[BLOCK * 2];
  private int length;
  private int bufferStart;
  private boolean eof;
  private final ArrayDeque<Token> pending = new ArrayDeque<>();
  private int pendingBase;
  private int finalOffset;

  public HanLPTokenizer(Segmenter segmenter) {
    this(() -> segmenter);
  }

  /** A tokenizer that takes the current segmenter at each {@link #reset()} (for reloading). */
  public HanLPTokenizer(Supplier<Segmenter> segmenters) {
    this.segmenters = segmenters;
    this.segmenter = segmenters.get();
  }

  public HanLPTokenizer(AttributeFactory factory, Segmenter segmenter) {
    super(factory);
    this.segmenters = () -> segmenter;
    this.segmenter = segmenter;
  }

  @Override
  public boolean incrementToken() throws IOException {
    clearAttributes();
    while (true) {
      Token token = pending.poll();
      if (token == null) {
        if (!segmentNextBlock()) {
          return false;
        }
        continue;
      }
      if (!hasLetterOrDigit(token.text())) {
        continue;
      }
      termAtt.setEmpty().append(token.text());
      offsetAtt.setOffset(
          correctOffset(pendingBase + token.start()), correctOffset(pendingBase + token.end()));
      posIncAtt.setPositionIncrement(1);
      typeAtt.setType("word");
      return true;
    }
  }

  private boolean segmentNextBlock() throws IOException {
    while (!eof && length < BLOCK) {
      fill();
    }
    if (length == 0) {
      return false;
    }
    int cut = eof ? length : lastBoundary();
    if (cut <= 0) {
      while (!eof && length < MAX_RUN) {
        fill();
      }
      cut = eof ? length : lastBoundary();
      if (cut <= 0) {
        cut = length;
        if (Character.isHighSurrogate(buffer[cut - 1]) && cut > 1) {
          cut--;
        }
      }
    }
    if (work.length < cut) {
      work = new char[buffer.length];
    }
    System.arraycopy(buffer, 0, work, 0, cut);
    Normalizer.normalizeInPlace(work, 0, cut);
    pendingBase = bufferStart;
    segmenter.segment(work, 0, cut, pending::add);
    System.arraycopy(buffer, cut, buffer, 0, length - cut);
    length -= cut;
    bufferStart += cut;
    return true;
  }

  private void fill() throws IOException {
    if (buffer.length - length < BLOCK) {
      char[] bigger = new char[Math.max(buffer.length * 2, length + BLOCK)];
      System.arraycopy(buffer, 0, bigger, 0, length);
      buffer = bigger;
    }
    int read = input.read(buffer, length, buffer.length - length);
    if (read < 0) {
      eof = true;
    } else {
      length += read;
      finalOffset += read;
    }
  }

  /** Position just after the last boundary character in the buffer, or 0 when there is none. */
  private int lastBoundary() {
    for (int i = length - 1; i >= 0; i--) {
      if (isBoundary(buffer[i])) {
        return i + 1;
      }
    }
    return 0;
  }

  static boolean isBoundary(char c) {
    // '.' and ',' are left out: inside numbers (15.5%, 10,000) they are not boundaries.
    switch (c) {
      case '。', '！', '？', '；', '，', '、', '：', '!', '?', ';', '\n', '\r', '\t', ' ', '\u3000' -> {
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  private static boolean hasLetterOrDigit(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (Character.isLetterOrDigit(cp)) {
        return true;
      }
      i += Character.charCount(cp);
    }
    return false;
  }

  @Override
  public void end() throws IOException {
    super.end();
    int offset = correctOffset(finalOffset);
    offsetAtt.setOffset(offset, offset);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    segmenter = segmenters.get();
    length = 0;
    bufferStart = 0;
    finalOffset = 0;
    eof = false;
    pending.clear();
  }

  @Override
  public void close() throws IOException {
    super.close();
    pending.clear();
    if (buffer.length > BLOCK * 2) {
      buffer = new char[BLOCK * 2];
      work = new char[BLOCK * 2];
    }
  }
}
