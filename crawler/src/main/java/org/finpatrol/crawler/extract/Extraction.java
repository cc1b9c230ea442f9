package org.finpatrol.crawler.extract;

import java.util.List;
import java.util.Map;
import org.finpatrol.crawler.Ad;
import org.finpatrol.crawler.OperatorFacts;

/**
 * What a page yields: title, main text (ads, scripts and navigation removed, control characters
 * dropped, as fetched: traditional script stays traditional), absolute outgoing links,
 * advertisements, meta tags (lower-case names), the charset the body was decoded with and how it
 * was chosen (bom, header, meta, detected, corrected), and the operator facts the text states.
 */
public record Extraction(
    String title,
    String text,
    List<String> links,
    List<Ad> ads,
    Map<String, String> meta,
    String charset,
    String charsetBasis,
    OperatorFacts facts) {

  public Extraction {
    links = List.copyOf(links);
    ads = List.copyOf(ads);
    meta = Map.copyOf(meta);
  }
}
