package org.finpatrol.app.patrol;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What one host's pages showed in a run: page counts, labels and the rules that matched. */
record HostLabels(
    String host,
    int pages,
    int flaggedPages,
    Set<String> categories,
    Set<String> signals,
    Set<String> rules,
    boolean showsIcpNumber,
    int flaggedAdsElsewhere) {

  static final class Builder {
    private final String host;
    private int pages;
    private final Set<Long> flagged = new TreeSet<>();
    private final Set<String> categories = new TreeSet<>();
    private final Set<String> signals = new TreeSet<>();
    private final Set<String> rules = new TreeSet<>();
    private boolean showsIcpNumber;
    private int flaggedAdsElsewhere;

    Builder(String host) {
      this.host = host;
    }

    Builder pages(int pages) {
      this.pages = pages;
      return this;
    }

    Builder finding(long pageId, String category, String signal, String rule) {
      flagged.add(pageId);
      if (category != null) {
        categories.add(category);
      }
      if (signal != null) {
        signals.add(signal);
      }
      rules.add(rule);
      return this;
    }

    /** Some page of the host shows an ICP 备案 number. */
    Builder showsIcpNumber() {
      this.showsIcpNumber = true;
      return this;
    }

    /** Flagged ads on other hosts whose landing page is on this host. */
    Builder flaggedAdsElsewhere(int ads) {
      this.flaggedAdsElsewhere = ads;
      return this;
    }

    HostLabels build() {
      return new HostLabels(
          host,
          pages,
          flagged.size(),
          Set.copyOf(categories),
          Set.copyOf(signals),
          Set.copyOf(rules),
          showsIcpNumber,
          flaggedAdsElsewhere);
    }
  }

  List<String> sortedCategories() {
    return List.copyOf(new TreeSet<>(categories));
  }
}
