package org.finpatrol.crawler.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.finpatrol.crawler.Ad;
import org.finpatrol.crawler.OperatorFacts;
import org.finpatrol.crawler.Urls;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;

/**
 * Extracts title, main text, links, advertisements and operator facts from HTML bytes.
 *
 * <p>Charset: see {@link Charsets} (BOM, header, meta, then detection; GB2312/GBK as GB18030).
 *
 * <p>Main text leaves out scripts, styles, navigation, headers, footers, asides, menus marked by
 * class or id, and short link-dense blocks; control characters (NUL included) are dropped.
 *
 * <p>Advertisements are elements whose class or id looks like an ad container (ad, ads, banner,
 * sponsor, guanggao, tuiguang, promo), elements labelled 广告 or 推广, sponsored links, and iframes
 * from another host; banner images contribute their alt text. They are reported on their own and
 * removed from the main text, so that a news page carrying a bad ad is not itself taken for the
 * advertiser. Thread-safe; it remembers how links resolve ({@link LinkResolutions}), so keep one
 * for many pages.
 */
public final class HtmlExtractor {

  private static final Pattern AD_CLASS =
      Pattern.compile(
          "(^|[\\s_-])(ad|ads|advert|advertisement|banner|sponsor|sponsored|guanggao|gg|tuiguang"
              + "|promo|adsbygoogle)([\\s_-]|\\d|$)",
          Pattern.CASE_INSENSITIVE);
  private static final String MENU =
      "(?i)(^|[\\s_-])(nav|navbar|menu|breadcrumbs?|sidebar|copyright|toolbar|topbar)([\\s_-]|$)";
  private static final Set<String> AD_LABELS = Set.of("广告", "推广", "赞助", "广告推广", "sponsored", "ad");
  private static final int LONGEST_LABEL =
      AD_LABELS.stream().mapToInt(String::length).max().orElseThrow();
  private static final List<String> LABELS_LONGEST_FIRST =
      AD_LABELS.stream()
          .sorted(
              java.util.Comparator.comparingInt(String::length)
                  .reversed()
                  .thenComparing(java.util.Comparator.naturalOrder()))
          .toList();

  // Selectors parsed once: Jsoup parses a selector string again on every select(String).
  private static final Evaluator NOT_TEXT =
      QueryParser.parse("script, style, noscript, template, svg, iframe, object, embed, head");
  private static final Evaluator NAVIGATION =
      QueryParser.parse(
          "nav, header, footer, aside, [role=navigation], [role=banner], [role=contentinfo]");
  private static final Evaluator MENUS =
      QueryParser.parse("[class~=" + MENU + "], [id~=" + MENU + "]");
  private static final Evaluator BLOCKS_OF_LINKS = QueryParser.parse("ul, ol, div, table, p");
  private static final Evaluator ANCHORS = QueryParser.parse("a");
  private static final Evaluator IMAGES_WITH_ALT = QueryParser.parse("img[alt]");
  private static final Evaluator HREFS = QueryParser.parse("a[href]");
  private static final Evaluator LANDINGS = QueryParser.parse("a[href], iframe[src]");
  private static final Evaluator LINKS =
      QueryParser.parse("a[href], area[href], iframe[src], frame[src]");
  private static final Evaluator META = QueryParser.parse("meta[name][content]");
  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "br",
          "li",
          "ul",
          "ol",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "tr",
          "table",
          "section",
          "article",
          "header",
          "footer",
          "aside",
          "blockquote",
          "pre",
          "dd",
          "dt",
          "form",
          "hr",
          "td",
          "th",
          "main",
          "figure",
          "figcaption",
          "address");
  private static final int MAX_LINKS = 5000;

  private final LinkResolutions resolutions = new LinkResolutions();
  private static final int MAX_AD_TEXT = 1000;

  /** Extracts from {@code body}, fetched from {@code url} with this Content-Type (may be null). */
  public Extraction extract(byte[] body, String contentType, String url) {
    Charsets.Choice charset = Charsets.choose(body, contentType);
    Document doc = parse(body, charset.charset(), url);
    String host = Urls.host(url);
    List<Ad> ads = new ArrayList<>();
    List<Element> adElements = findAds(doc, host, ads);
    List<String> links = links(doc);
    Map<String, String> meta = meta(doc);
    String title = clean(doc.title()).strip();
    for (Element ad : adElements) {
      ad.remove();
    }
    doc.select(NOT_TEXT).remove();
    // Operator facts live in footers and side boxes too (ICP numbers almost always do).
    OperatorFacts facts = FactsExtractor.extract(title + "\n" + clean(text(doc.body())));
    doc.select(NAVIGATION).remove();
    removeBoilerplate(doc);
    String text = clean(text(doc.body()));
    return new Extraction(
        title,
        text,
        links,
        ads,
        meta,
        charset.charset().name(),
        charset.basis().name().toLowerCase(Locale.ROOT),
        facts);
  }

  /**
   * Drops navigation that is not marked up as such: elements whose class or id names a menu, a
   * breadcrumb or a copyright line, and short blocks that are mostly link text.
   */
  private static void removeBoilerplate(Document doc) {
    if (doc.body() == null) {
      return;
    }
    doc.body().select(MENUS).remove();
    for (Element block : doc.body().select(BLOCKS_OF_LINKS)) {
      String all = block.text();
      if (all.isEmpty() || all.length() > 400) {
        continue;
      }
      int links = 0;
      int linkText = 0;
      for (Element a : block.select(ANCHORS)) {
        links++;
        linkText += a.text().length();
      }
      if (links >= 3 && linkText > 0.7 * all.length()) {
        block.remove();
      }
    }
  }

  /** Removes NUL and other control characters but line breaks and tabs; crawled text is hostile. */
  static String clean(String s) {
    int first = 0;
    while (first < s.length() && !dropped(s.charAt(first))) {
      first++;
    }
    if (first == s.length()) {
      return s; // the common case: nothing to drop, nothing to copy
    }
    StringBuilder out = new StringBuilder(s.length());
    out.append(s, 0, first);
    for (int i = first + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!dropped(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean dropped(char c) {
    return c < 0x20 && c != '\n' && c != '\t'
        || c == 0x7f
        || (c >= 0x80 && c < 0xa0)
        || c == '\uFFFD';
  }

  /**
   * Whether a body that claims to be text is binary: a known file signature (PNG, GIF, JPEG, PDF,
   * ZIP, gzip, ELF, ...) or NUL and control bytes making more than 5% (and at least 8) of its first
   * kilobyte. A stray NUL in an HTML page does not make it binary.
   */
  public static boolean looksBinary(byte[] body) {
    if (startsWith(body, 0x89, 'P', 'N', 'G')
        || startsWith(body, 'G', 'I', 'F', '8')
        || startsWith(body, 0xff, 0xd8, 0xff)
        || startsWith(body, '%', 'P', 'D', 'F')
        || startsWith(body, 'P', 'K', 3, 4)
        || startsWith(body, 0x1f, 0x8b)
        || startsWith(body, 0x7f, 'E', 'L', 'F')
        || startsWith(body, 'M', 'Z')) {
      return true;
    }
    int n = Math.min(body.length, 1024);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = body[i] & 0xff;
      if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != 0x1b && b != '\f') {
        control++;
      }
    }
    return control >= 8 && control > n / 20;
  }

  private static boolean startsWith(byte[] body, int... prefix) {
    if (body.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((body[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static Document parse(byte[] body, Charset charset, String url) {
    try {
      return Jsoup.parse(new ByteArrayInputStream(body), charset.name(), url);
    } catch (IOException e) {
      // Reading a byte array does not fail; anything here is a bug worth surfacing.
      throw new UncheckedIOException(e);
    }
  }

  private List<Element> findAds(Document doc, String host, List<Ad> ads) {
    List<Element> found = new ArrayList<>();
    for (Element el : doc.body() == null ? List.<Element>of() : doc.body().getAllElements()) {
      if (el == doc.body() || isInside(el, found)) {
        continue;
      }
      String reason = adReason(el, host);
      if (reason == null) {
        continue;
      }
      found.add(el);
      String landing = landing(el);
      String text = el.text().strip();
      boolean labelled = el.tagName().equals("iframe") || text.contains("广告");
      text = withoutLeadingLabels(text);
      // Banner creatives are often images: their alt text is the ad's claim.
      for (String alt : el.select(IMAGES_WITH_ALT).eachAttr("alt")) {
        if (!alt.isBlank() && !text.contains(alt.strip())) {
          text = (text + " " + alt.strip()).strip();
        }
      }
      if (text.length() > MAX_AD_TEXT) {
        text = text.substring(0, MAX_AD_TEXT);
      }
      ads.add(new Ad(text, landing, reason, labelled));
    }
    return found;
  }

  private static boolean isInside(Element el, List<Element> containers) {
    for (Element c : containers) {
      if (el.parents().contains(c)) {
        return true;
      }
    }
    return false;
  }

  private static String adReason(Element el, String host) {
    if (el.tagName().equals("iframe")) {
      String src = el.absUrl("src");
      String srcHost = Urls.host(src);
      return srcHost != null && host != null && !srcHost.equals(host)
          ? "iframe from " + srcHost
          : null;
    }
    if (el.tagName().equals("a") && el.attr("rel").toLowerCase(Locale.ROOT).contains("sponsored")) {
      return "sponsored link";
    }
    String className = el.className();
    String id = el.id();
    if (!className.isEmpty() || !id.isEmpty()) {
      String classAndId = className + " " + id;
      if (AD_CLASS.matcher(classAndId).find()) {
        return "ad container (" + classAndId.strip() + ")";
      }
    }
    // Most elements' own text is empty or longer than any label: then it is not built at all.
    if (mayBeLabel(el)
        && AD_LABELS.contains(el.ownText().strip().toLowerCase(Locale.ROOT))
        && !el.select(HREFS).isEmpty()) {
      return "labelled " + el.ownText().strip();
    }
    // Child nodes by index: Jsoup's children() and childrenSize() build a list of the element
    // children on every call, which for every element of every page was a twentieth of the crawl.
    for (int i = 0; i < el.childNodeSize(); i++) {
      if (el.childNode(i) instanceof Element child
          && mayBeLabel(child)
          && !hasElementChild(child)
          && AD_LABELS.contains(child.text().strip().toLowerCase(Locale.ROOT))
          && !el.select(HREFS).isEmpty()) {
        return "labelled " + child.text().strip();
      }
    }
    return null;
  }

  private static boolean hasElementChild(Element el) {
    for (int i = 0; i < el.childNodeSize(); i++) {
      if (el.childNode(i) instanceof Element) {
        return true;
      }
    }
    return false;
  }

  /**
   * The ad's text without the labels it starts with (广告推广, 广告, Sponsored, ...): the longest label
   * first, in any case, and a Latin label only as a whole word ("ads" keeps its "ad"). The labels
   * used to be tried in the order of a {@code Set.of}, which differs from one JVM to the next, so
   * the same ad could keep 推广 in one patrol and lose it in the next.
   */
  static String withoutLeadingLabels(String text) {
    boolean stripped = true;
    while (stripped && !text.isEmpty()) {
      stripped = false;
      for (String label : LABELS_LONGEST_FIRST) {
        int end = label.length();
        if (text.regionMatches(true, 0, label, 0, end)
            && !(end < text.length() && latin(text.charAt(end)) && latin(text.charAt(end - 1)))) {
          text = text.substring(end).strip();
          stripped = true;
          break;
        }
      }
    }
    return text;
  }

  private static boolean latin(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  /**
   * Whether the element's own text nodes have no more letters than the longest ad label, counting
   * only characters that are whitespace by no one's definition (neither Java's nor Jsoup's) and
   * that Jsoup does not drop from text (zero-width spaces, soft hyphens: an ad network hiding its
   * label would pad it with them), so that an element whose text is a label always passes.
   */
  private static boolean mayBeLabel(Element el) {
    int letters = 0;
    for (int i = 0; i < el.childNodeSize(); i++) {
      if (el.childNode(i) instanceof TextNode text) {
        String whole = text.getWholeText();
        for (int j = 0; j < whole.length(); j++) {
          char c = whole.charAt(j);
          if (c > ' '
              && c != '\u00a0'
              && !Character.isWhitespace(c)
              && !org.jsoup.internal.StringUtil.isInvisibleChar(c)
              && ++letters > LONGEST_LABEL) {
            return false;
          }
        }
      }
    }
    return letters > 0;
  }

  private String landing(Element el) {
    for (Element a : el.select(LANDINGS)) {
      String href = absUrl(a);
      if (isFollowable(href)) {
        return href;
      }
    }
    return null;
  }

  private List<String> links(Document doc) {
    Set<String> links = new LinkedHashSet<>();
    for (Element a : doc.select(LINKS)) {
      String href = absUrl(a);
      if (isFollowable(href)) {
        links.add(href);
        if (links.size() >= MAX_LINKS) {
          break;
        }
      }
    }
    return new ArrayList<>(links);
  }

  /** The element's href made absolute, or its src where it has no href. */
  private String absUrl(Element el) {
    return resolutions.absUrl(el, el.hasAttr("href") ? "href" : "src");
  }

  static boolean isFollowable(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    return u.startsWith("http://") || u.startsWith("https://");
  }

  private static Map<String, String> meta(Document doc) {
    Map<String, String> meta = new HashMap<>();
    for (Element m : doc.select(META)) {
      meta.putIfAbsent(m.attr("name").toLowerCase(Locale.ROOT), m.attr("content"));
    }
    return meta;
  }

  /** Text with a line break after each block element and collapsed spaces within lines. */
  static String text(Element root) {
    if (root == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
              String s = normaliseWhitespace(t.getWholeText());
              if (!s.isBlank()) {
                if (out.length() > 0
                    && out.charAt(out.length() - 1) != '\n'
                    && Character.isWhitespace(s.charAt(0))) {
                  out.append(' ');
                }
                out.append(s.strip());
                if (Character.isWhitespace(s.charAt(s.length() - 1))) {
                  out.append(' ');
                }
              }
            } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
              newline(out);
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
              newline(out);
            }
          }
        },
        root);
    // No space before a line break and no empty line to remove: a text node's whitespace is
    // normalised to single spaces, and newline() drops trailing spaces and never doubles a break.
    return out.toString().strip();
  }

  /**
   * What Jsoup's {@link TextNode#text()} gives: each run of whitespace (by Jsoup's definition) one
   * space, invisible characters (zero-width space, soft hyphen) dropped. Jsoup appends code point
   * by code point, a tenth of the extraction of a Chinese page; a text that needs no change is
   * returned as it is, and others are copied a char at a time (a surrogate pair is neither
   * whitespace nor invisible, so its two halves go on together).
   */
  static String normaliseWhitespace(String text) {
    // The longest start that stays as it is: no invisible character, and no whitespace but single
    // spaces followed by something else. (So it never ends in a space that the next char joins.)
    int first = 0;
    while (first < text.length()) {
      char c = text.charAt(first);
      boolean kept =
          c == ' '
              ? first + 1 == text.length() || !whiteOrInvisible(text.charAt(first + 1))
              : !whiteOrInvisible(c);
      if (!kept) {
        break;
      }
      first++;
    }
    if (first == text.length()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    out.append(text, 0, first);
    boolean lastWasWhite = false;
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (org.jsoup.internal.StringUtil.isActuallyWhitespace(c)) {
        if (!lastWasWhite) {
          out.append(' ');
          lastWasWhite = true;
        }
      } else if (!org.jsoup.internal.StringUtil.isInvisibleChar(c)) {
        out.append(c);
        lastWasWhite = false;
      }
    }
    return out.toString();
  }

  private static boolean whiteOrInvisible(char c) {
    return org.jsoup.internal.StringUtil.isActuallyWhitespace(c)
        || org.jsoup.internal.StringUtil.isInvisibleChar(c);
  }

  private static void newline(StringBuilder out) {
    int len = out.length();
    while (len > 0 && out.charAt(len - 1) == ' ') {
      len--;
    }
    out.setLength(len);
    if (len > 0 && out.charAt(len - 1) != '\n') {
      out.append('\n');
    }
  }
}
