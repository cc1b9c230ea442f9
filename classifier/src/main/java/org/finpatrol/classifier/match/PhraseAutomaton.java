package org.finpatrol.classifier.match;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An Aho-Corasick automaton over a fixed set of phrases, each carrying a value: one pass over a
 * text finds every occurrence of every phrase, however many rules there are.
 *
 * <p>Phrases are compacted like {@link CompactText} (so 穩賺 and 稳赚 are one phrase) and must not be
 * empty. Built once; thread-safe for matching.
 *
 * @param <V> what a phrase stands for (a rule, a cue kind)
 */
public final class PhraseAutomaton<V> {

  /** An occurrence of a phrase: {@code [start, end)} in the matched text, and its value. */
  public record Hit<V>(int start, int end, String phrase, V value) {}

  private static final class Node<V> {
    Map<Character, Node<V>> next = new HashMap<>();
    Node<V> fail;
    final List<Map.Entry<String, V>> outputs = new ArrayList<>();

    // Frozen form, for matching: an open-addressing table of the transitions (keys[i] leads to
    // nodes[i]; an empty slot holds a null node) and the outputs as an array. A HashMap of boxed
    // characters, looked up twice a character, was a tenth of a patrol's classification time.
    char[] keys;
    Node<V>[] nodes;
    int mask;
    Map.Entry<String, V>[] out;

    Node<V> step(char c) {
      Node<V>[] table = nodes;
      for (int i = (c * 0x9E3779B1 >>> 16) & mask; ; i = (i + 1) & mask) {
        Node<V> n = table[i];
        if (n == null || keys[i] == c) {
          return n;
        }
      }
    }

    @SuppressWarnings("unchecked")
    void freeze() {
      int size = Integer.highestOneBit(Math.max(1, next.size()) * 2 - 1) << 1;
      keys = new char[size];
      nodes = (Node<V>[]) new Node<?>[size];
      mask = size - 1;
      for (Map.Entry<Character, Node<V>> e : next.entrySet()) {
        char c = e.getKey();
        int i = (c * 0x9E3779B1 >>> 16) & mask;
        while (nodes[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = c;
        nodes[i] = e.getValue();
      }
      out = outputs.toArray(Map.Entry[]::new);
      next = null;
    }
  }

  private final Node<V> root = new Node<>();
  // The characters some phrase starts with, a bit each: the root's transitions.
  private final long[] starts = new long[1 << 10];
  private final int size;

  private PhraseAutomaton(Map<String, List<V>> phrases) {
    int count = 0;
    for (Map.Entry<String, List<V>> e : phrases.entrySet()) {
      Node<V> node = root;
      for (char c : e.getKey().toCharArray()) {
        node = node.next.computeIfAbsent(c, k -> new Node<>());
      }
      for (V v : e.getValue()) {
        node.outputs.add(Map.entry(e.getKey(), v));
        count++;
      }
    }
    size = count;
    for (char c : root.next.keySet()) {
      starts[c >>> 6] |= 1L << c;
    }
    ArrayDeque<Node<V>> queue = new ArrayDeque<>();
    for (Node<V> child : root.next.values()) {
      child.fail = root;
      queue.add(child);
    }
    while (!queue.isEmpty()) {
      Node<V> node = queue.poll();
      for (Map.Entry<Character, Node<V>> e : node.next.entrySet()) {
        Node<V> child = e.getValue();
        Node<V> f = node.fail;
        while (f != null && !f.next.containsKey(e.getKey())) {
          f = f.fail;
        }
        child.fail = f == null ? root : f.next.get(e.getKey());
        child.outputs.addAll(child.fail.outputs);
        queue.add(child);
      }
    }
    freezeAll(root);
  }

  private static <V> void freezeAll(Node<V> root) {
    ArrayDeque<Node<V>> queue = new ArrayDeque<>();
    queue.add(root);
    while (!queue.isEmpty()) {
      Node<V> node = queue.poll();
      queue.addAll(node.next.values());
      node.freeze();
    }
  }

  /** Builder collecting phrases and their values. */
  public static final class Builder<V> {
    private final Map<String, List<V>> phrases = new HashMap<>();

    public Builder<V> add(String phrase, V value) {
      String key = key(phrase);
      if (key.isEmpty()) {
        throw new IllegalArgumentException("phrase '" + phrase + "' has no letters or digits");
      }
      phrases.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
      return this;
    }

    public PhraseAutomaton<V> build() {
      return new PhraseAutomaton<>(phrases);
    }
  }

  public static <V> Builder<V> builder() {
    return new Builder<>();
  }

  /** The phrase as it must appear in a {@link CompactText} view. */
  static String key(String phrase) {
    return CompactText.of(phrase).compact().replace(String.valueOf(CompactText.BREAK), "");
  }

  /** Number of (phrase, value) pairs. */
  public int size() {
    return size;
  }

  /** All occurrences in {@code text}, ordered by end offset. */
  public List<Hit<V>> find(CharSequence text) {
    List<Hit<V>> hits = new ArrayList<>();
    scan(text, 0, text.length(), hits);
    return hits;
  }

  /** Whether any phrase occurs in {@code text}. */
  public boolean any(CharSequence text) {
    return scan(text, 0, text.length(), null);
  }

  /** Whether any phrase occurs in {@code text} between {@code from} and {@code to}. */
  public boolean anyIn(CharSequence text, int from, int to) {
    return scan(text, from, to, null);
  }

  /**
   * Walks {@code text[from, to)}, adding every hit to {@code hits} (offsets relative to {@code
   * from}) or, when {@code hits} is null, stopping at the first; says whether there was one.
   */
  private boolean scan(CharSequence text, int from, int to, List<Hit<V>> hits) {
    // A page's text is scanned by about ten automata. Over a char array (charAt checks the index
    // every time, which C1-compiled code does not drop), past the characters no phrase starts
    // with without a table look-up while at the root, and stopping at the first hit where only
    // that is asked, ClassifierBenchmark went from 4,300-4,600 to 6,000-6,800 texts a second.
    char[] chars = new char[to - from];
    if (text instanceof String string) {
      string.getChars(from, to, chars, 0);
    } else {
      for (int i = from; i < to; i++) {
        chars[i - from] = text.charAt(i);
      }
    }
    boolean found = false;
    Node<V> node = root;
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (node == root && (starts[c >>> 6] & (1L << c)) == 0) {
        continue;
      }
      Node<V> next;
      while ((next = node.step(c)) == null && node != root) {
        node = node.fail;
      }
      node = next == null ? root : next;
      for (Map.Entry<String, V> out : node.out) {
        if (hits == null) {
          return true;
        }
        found = true;
        int start = i + 1 - out.getKey().length();
        hits.add(new Hit<>(start, i + 1, out.getKey(), out.getValue()));
      }
    }
    return found;
  }
}
