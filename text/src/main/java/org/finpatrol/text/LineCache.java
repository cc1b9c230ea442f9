package org.finpatrol.text;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The segmentations of lines seen more than once: the nav bar, the risk notice and the footer that
 * every page of a site repeats. Segmenting is the index step's largest cost, and a site's template
 * is the same line on every page; looking a line up costs a hash and a comparison.
 *
 * <p>Bounded and thread-safe without locks: a fixed table of {@value #SLOTS} slots, each holding at
 * most one line of at most {@value #MAX_LINE} characters, where a new line replaces the one in its
 * slot: at most about 13 MB (every slot a line of {@value #MAX_LINE} Chinese characters, each its
 * own word), well under 1 MB for a site's template lines, which are short. A line is admitted only
 * on its second sighting, recorded in a larger table of hashes, so the text of pages, each line
 * seen once, does not push the template out. A collision there or a lost race only costs a
 * segmentation; what is returned is always the line's own (the line is compared whole).
 */
final class LineCache {

  static final int MAX_LINE = 512;
  static final int SLOTS = 4096;
  private static final int SIGHTING_BITS = 15;

  /** A line and where its words end (exclusive offsets into the line, ascending). */
  private record Entry(String line, int[] ends) {}

  private final AtomicReferenceArray<Entry> entries = new AtomicReferenceArray<>(SLOTS);
  private final AtomicIntegerArray sightings = new AtomicIntegerArray(1 << SIGHTING_BITS);

  /** The ends of the words of {@code line} if it is cached, else null. Do not modify. */
  int[] get(String line) {
    if (line.length() > MAX_LINE) {
      return null; // never offered: not worth a hash of the whole line
    }
    Entry entry = entries.get(slot(line.hashCode(), SLOTS));
    return entry != null && entry.line().equals(line) ? entry.ends() : null;
  }

  /** Remembers the words of {@code line} (their ends) if it was offered before; else notes it. */
  void offer(String line, int[] ends) {
    if (line.length() > MAX_LINE) {
      return;
    }
    int hash = line.hashCode();
    // A hash of 0 would look like an empty sighting slot: shift it to 1 (only costs precision).
    int mark = hash == 0 ? 1 : hash;
    // A mix of its own (Fibonacci hashing), so that lines sharing an entry slot do not also share
    // a sighting slot.
    int sighting = (hash * 0x9E3779B9) >>> (32 - SIGHTING_BITS);
    if (sightings.get(sighting) != mark) {
      sightings.set(sighting, mark);
      return;
    }
    entries.set(slot(hash, SLOTS), new Entry(line, ends));
  }

  private static int slot(int hash, int size) {
    // Spread the high bits down: String hashes of CJK text differ mostly in their upper bits.
    return (hash ^ (hash >>> 16)) & (size - 1);
  }
}
