package org.finpatrol.text;

import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chinese word segmentation: HanLP's Viterbi segmenter with HanLP's custom dictionary plus the
 * {@link FinanceDictionary}, applied to already {@linkplain Normalizer normalised} text.
 *
 * <p>Person-name and transliterated-name recognition are off: they cost about a third of HanLP's
 * time and, measured against the hand-segmented samples in the indexer's tests, do not improve word
 * F1 on finance text and lower it on news (names are found as words or characters anyway, and the
 * bigram field finds any substring).
 *
 * <p>The dictionary belongs to this instance (not HanLP's global one), so two segmenters with
 * different dictionaries can live side by side and a reload is a new instance. Thread-safe: each
 * call takes an idle HanLP {@code Segment} of this instance (they are not thread-safe) and gives it
 * back. A pool rather than a thread-local, so that a replaced segmenter's segments, which hold its
 * dictionary (megabytes), go with it instead of staying attached to a server's long-lived threads.
 *
 * <p>Segmentation never fails: if HanLP throws or returns words that do not tile the input (it does
 * not on any input seen so far, but crawled text is hostile), the line is split into single code
 * points instead and a warning is logged.
 */
public final class Segmenter {

  private static final Logger log = LoggerFactory.getLogger(Segmenter.class);

  static {
    HanLPSetup.configure();
  }

  private final DynamicCustomDictionary dictionary;
  private final ConcurrentLinkedDeque<Segment> idle = new ConcurrentLinkedDeque<>();
  private final FinanceDictionary financeDictionary;
  private final LineCache lines = new LineCache();

  public Segmenter(FinanceDictionary financeDictionary) {
    this.financeDictionary = financeDictionary;
    this.dictionary = new DynamicCustomDictionary();
    for (FinanceDictionary.Entry e : financeDictionary.entries()) {
      dictionary.insert(e.word(), e.nature() + " " + e.frequency());
    }
  }

  private Segment newSegment() {
    return new ViterbiSegment()
        .enableCustomDictionary(dictionary)
        .enablePartOfSpeechTagging(false)
        .enableNameRecognize(false)
        .enableTranslatedNameRecognize(false)
        .enableOffset(false);
  }

  public FinanceDictionary financeDictionary() {
    return financeDictionary;
  }

  /** Segments normalised text into words; whitespace and punctuation tokens are included. */
  public List<Token> segment(String normalised) {
    List<Token> out = new ArrayList<>();
    segment(normalised.toCharArray(), 0, normalised.length(), out::add);
    return out;
  }

  /**
   * Segments {@code length} characters of {@code text} from {@code offset}; token offsets are
   * relative to {@code offset}. Every character ends up in exactly one token, in order.
   *
   * <p>Each line (up to a line break, which is a token of its own) is segmented by itself: no word
   * spans a line break, and a line a site repeats on every page is segmented once ({@link
   * LineCache}). That changes few words: fewer than one in a thousand on pages of the training
   * corpus's texts ({@code SegmenterTest}); on 500 pages of its sentences, 116 of 575,812, and
   * those looked at for the better (目|前年 became 目前|年, 该团|伙 became 该|团伙).
   */
  public void segment(char[] text, int offset, int length, Consumer<Token> sink) {
    int end = offset + length;
    int start = offset;
    for (int i = offset; i < end; i++) {
      if (text[i] == '\n') {
        segmentLine(text, start, i - start, start - offset, sink);
        sink.accept(new Token("\n", i - offset, i - offset + 1));
        start = i + 1;
      }
    }
    segmentLine(text, start, end - start, start - offset, sink);
  }

  /**
   * Segments one line of {@code length} characters at {@code offset}; tokens start at {@code base}.
   */
  private void segmentLine(char[] text, int offset, int length, int base, Consumer<Token> sink) {
    if (length == 0) {
      return;
    }
    String line = new String(text, offset, length);
    int[] ends = lines.get(line);
    if (ends == null) {
      ends = wordEnds(line);
      lines.offer(line, ends);
    }
    int start = 0;
    for (int wordEnd : ends) {
      sink.accept(new Token(line.substring(start, wordEnd), base + start, base + wordEnd));
      start = wordEnd;
    }
  }

  /** Where HanLP's words of {@code line} end; single code points if HanLP fails on it. */
  private int[] wordEnds(String line) {
    List<Term> terms;
    Segment segment = idle.pollFirst();
    if (segment == null) {
      segment = newSegment();
    }
    try {
      terms = segment.seg(line);
    } catch (RuntimeException e) {
      log.warn(
          "HanLP failed on a {}-char sentence, splitting it into characters", line.length(), e);
      return codePointEnds(line);
    } finally {
      idle.offerFirst(segment);
    }
    if (!tiles(terms, line)) {
      log.warn(
          "HanLP words do not tile a {}-char sentence, splitting it into characters",
          line.length());
      return codePointEnds(line);
    }
    int[] ends = new int[terms.size()];
    int pos = 0;
    for (int i = 0; i < ends.length; i++) {
      pos += terms.get(i).word.length();
      ends[i] = pos;
    }
    return ends;
  }

  private static boolean tiles(List<Term> terms, String sentence) {
    int pos = 0;
    for (Term term : terms) {
      String w = term.word;
      if (w == null || w.isEmpty() || !sentence.startsWith(w, pos)) {
        return false;
      }
      pos += w.length();
    }
    return pos == sentence.length();
  }

  private static int[] codePointEnds(String line) {
    int[] ends = new int[line.codePointCount(0, line.length())];
    for (int i = 0, pos = 0; i < ends.length; i++) {
      pos += Character.charCount(line.codePointAt(pos));
      ends[i] = pos;
    }
    return ends;
  }
}
