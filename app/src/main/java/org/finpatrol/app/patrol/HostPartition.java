package org.finpatrol.app.patrol;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * One of the {@code count} partitions a patrol spread over several workers splits its hosts into: a
 * host belongs to partition {@code hash(name) mod count}. {@link String#hashCode()} is fixed by the
 * language, so every JVM on every machine places a host in the same partition, and a host is
 * crawled, indexed and classified by exactly one worker (its pages never meet in two shards).
 */
record HostPartition(int index, int count) implements Predicate<String> {

  HostPartition {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException("no partition " + index + " of " + count);
    }
  }

  /** The partition of {@code host} among {@code count}. */
  static int of(String host, int count) {
    return Math.floorMod(host.toLowerCase(Locale.ROOT).hashCode(), count);
  }

  @Override
  public boolean test(String host) {
    return host != null && of(host, count) == index;
  }

  @Override
  public String toString() {
    return "p" + index + "/" + count;
  }
}
