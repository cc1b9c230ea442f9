package org.finpatrol.crawler.extract;

import java.util.List;
import java.util.Map;
import org.finpatrol.crawler.Ad;

/**
 * What a page yields: title, main text (ads, scripts and navigation removed), absolute outgoing
 * links, advertisements, meta tags (lower-case names), and the charset the body was decoded with.
 */
public record Extraction(
    String title,
    String text,
    List<String> links,
    List<Ad> ads,
    Map<String, String> meta,
    String charset) {

  public Extraction {
    links = List.copyOf(links);
    ads = List.copyOf(ads);
    meta = Map.copyOf(meta);
  }
}
