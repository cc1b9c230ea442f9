package org.finpatrol.crawler.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.finpatrol.crawler.OperatorFacts;

/**
 * Extracts operator facts from a page's text with patterns: company names (…有限公司 and the like), ICP
 * 备案 numbers (京ICP备12345678号-1), phone numbers (0392-3208867, 400-830-1276, mobiles), addresses
 * (labelled 地址, or province/city/district … road … number), banks named near 存管/托管, and licence
 * numbers claimed (支付业务许可证 Z + 13 digits; 金融许可证 institution codes such as B0001H111000001). At most
 * {@value #MAX_EACH} of each. Stateless.
 */
final class FactsExtractor {

  static final int MAX_EACH = 10;

  /**
   * Han characters as these patterns need them: the CJK ideograph blocks of the BMP, a range test.
   * {@code \p{IsHan}} looks each character's script up by binary search, at every position the
   * patterns try, which made them a fifth of a crawler thread's time.
   */
  private static final String HAN = "\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF";

  private static final Pattern COMPANY =
      Pattern.compile("([" + HAN + "（）()]{2,24}?(?:股份有限公司|有限责任公司|有限公司|集团公司|合伙企业（有限合伙）|合伙企业))");
  private static final Pattern COMPANY_LEAD =
      Pattern.compile("^.*(?:由|是|为|与|和|及|向|在|经|被|称|：|:|主体|平台|本公司|我公司|运营方|发起方|融资方)");
  private static final Pattern ICP =
      Pattern.compile("[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]ICP[备证][\\s:：]*\\d{6,9}号(?:-\\d{1,3})?");
  private static final Pattern PHONE =
      Pattern.compile(
          "(?<![\\d-])(?:0\\d{2,3}-\\d{7,8}|400-?\\d{3}-?\\d{4}|1[3-9]\\d{9})(?![\\d-])");
  private static final Pattern LABELLED_ADDRESS =
      Pattern.compile(
          "(?:注册地址|公司地址|办公地址|联系地址|营业地址|地址|总部位于|位于)[\\s:：]*([" + HAN + "A-Za-z0-9（）()\\-#号]{4,60})");
  private static final Pattern PLAIN_ADDRESS =
      Pattern.compile(
          "["
              + HAN
              + "]{2,7}(?:省|市)["
              + HAN
              + "]{1,7}(?:市|区|县)["
              + HAN
              + "A-Za-z0-9]{1,20}?(?:路|街|大道|巷|大街)\\d{1,5}号");
  private static final Pattern CUSTODY_BANK =
      Pattern.compile(
          "(["
              + HAN
              + "]{2,12}?银行)(?=[^。；;\\n]{0,20}(?:存管|托管))|(?:存管|托管)[^。；;\\n]{0,20}?(["
              + HAN
              + "]{2,12}?银行)");
  private static final Pattern PAYMENT_LICENCE =
      Pattern.compile("支付业务许可证[^A-Za-z0-9\\n]{0,8}([A-Za-z0-9]{6,20})");
  private static final Pattern FINANCE_LICENCE =
      Pattern.compile("金融许可证[^A-Za-z0-9\\n]{0,8}([A-Za-z0-9]{6,20})");
  private static final Pattern PAYMENT_FORM = Pattern.compile("Z\\d{13}");
  private static final Pattern FINANCE_FORM = Pattern.compile("[A-Z]\\d{4}[A-Z]\\d{9,11}");

  private FactsExtractor() {}

  static OperatorFacts extract(String text) {
    if (text == null || text.isBlank()) {
      return OperatorFacts.NONE;
    }
    // Each pattern runs only where the words it needs occur: most pages name no company, bank or
    // licence, and a scan that cannot match still tries every position.
    List<OperatorFacts.Licence> licences = new ArrayList<>();
    if (text.contains("支付业务许可证")) {
      licences(text, PAYMENT_LICENCE, "支付业务许可证", PAYMENT_FORM, licences);
    }
    if (text.contains("金融许可证")) {
      licences(text, FINANCE_LICENCE, "金融许可证", FINANCE_FORM, licences);
    }
    return new OperatorFacts(
        text.contains("公司") || text.contains("合伙企业") ? companies(text) : List.of(),
        text.contains("ICP") ? all(text, ICPS, 0) : List.of(),
        all(text, PHONES, 0),
        addresses(text),
        text.contains("银行") && (text.contains("存管") || text.contains("托管"))
            ? custodyBanks(text)
            : List.of(),
        licences);
  }

  private static List<String> companies(String text) {
    Set<String> out = new LinkedHashSet<>();
    COMPANIES.forEach(
        text,
        m -> {
          String name = COMPANY_LEAD.matcher(m.group(1)).replaceFirst("");
          if (name.length() >= 6) {
            out.add(name);
          }
          return out.size() < MAX_EACH;
        });
    return List.copyOf(out);
  }

  private static List<String> addresses(String text) {
    Set<String> out = new LinkedHashSet<>();
    if (text.contains("地址") || text.contains("位于")) {
      out.addAll(all(text, LABELLED_ADDRESSES, 1));
    }
    if (text.contains("号")) {
      out.addAll(all(text, PLAIN_ADDRESSES, 0));
    }
    return out.stream().limit(MAX_EACH).toList();
  }

  /**
   * A pattern, the words (anchors) every match of it holds, one beginning at most {@code reach}
   * characters after the match's start, and the characters ({@code leading}) a match's part before
   * that anchor is made of. Tried at every position of a page, the patterns cost far more than the
   * rest of its extraction: the lazy company name ({2,24}?) took three quarters of the extraction
   * of a page that says 公司 at all, and the phone pattern's look-behind runs at every character.
   */
  record Anchored(Pattern pattern, int reach, IntPredicate leading, String... anchors) {

    /** A pattern whose matches may hold any character before their anchor. */
    Anchored(Pattern pattern, int reach, String... anchors) {
      this(pattern, reach, c -> true, anchors);
    }

    /** The matches {@code pattern.matcher(text)}'s {@code find()} gives, in order. */
    List<MatchResult> matches(String text) {
      List<MatchResult> out = new ArrayList<>();
      forEach(text, out::add);
      return out;
    }

    /**
     * Hands {@code each} the matches {@code find()} would give, in order, until it returns false,
     * trying only the starts within reach of an anchor.
     */
    void forEach(String text, Predicate<MatchResult> each) {
      // Transparent bounds: look-arounds see past the region, as in a find() over the text.
      Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
      int[] at = new int[anchors.length];
      for (int i = 0; i < anchors.length; i++) {
        at[i] = text.indexOf(anchors[i]);
      }
      int next = 0;
      int anchor = first(text, at, 0);
      while (anchor >= 0) {
        // Starts before this one cannot reach it, and reach no earlier anchor at or after next;
        // nor can a match start before a character its part before the anchor cannot hold.
        int start = Math.max(next, anchor - reach);
        for (int c = anchor - 1; c >= start; c--) {
          if (!leading.test(text.charAt(c))) {
            start = c + 1;
            break;
          }
        }
        boolean matched = false;
        for (; start <= anchor; start++) {
          m.region(start, text.length());
          if (m.lookingAt()) {
            matched = true;
            break;
          }
        }
        if (matched) {
          if (!each.test(m.toMatchResult())) {
            return;
          }
          next = m.end();
        } else {
          next = anchor + 1;
        }
        anchor = first(text, at, next);
      }
    }

    /**
     * Where the first anchor occurs at or after {@code from}, -1 if none; {@code at} holds each
     * anchor's next occurrence and is moved on only once passed, so a rare anchor is not looked for
     * again from every occurrence of a common one.
     */
    private int first(String text, int[] at, int from) {
      int first = -1;
      for (int i = 0; i < at.length; i++) {
        if (at[i] >= 0 && at[i] < from) {
          at[i] = text.indexOf(anchors[i], from);
        }
        if (at[i] >= 0 && (first < 0 || at[i] < first)) {
          first = at[i];
        }
      }
      return first;
    }
  }

  /**
   * Custody banks: 存管 or 托管 (2), up to 20 characters, then a name of up to 12 characters ending in
   * the 银行 (or the bank first and 存管 after it).
   */
  static final Anchored CUSTODY = new Anchored(CUSTODY_BANK, 2 + 20 + 12, "银行");

  /** What a custody bank's match may hold before the bank's name: the words up to the last verb. */
  private static final Pattern BEFORE_BANK = Pattern.compile("^.*(?:由|在|与|和|及|接入|通过|已|为)");

  /**
   * Companies: a name of up to 24 characters, then 股份有限公司 or 有限责任公司, whose 公司 is 4 in; all of it
   * before the anchor Han characters or brackets.
   */
  static final Anchored COMPANIES =
      new Anchored(
          COMPANY,
          24 + 4,
          c -> han(c) || c == '（' || c == '）' || c == '(' || c == ')',
          "公司",
          "合伙企业");

  /** ICP numbers: a province's one character, then ICP. */
  static final Anchored ICPS = new Anchored(ICP, 1, "ICP");

  /** Phone numbers: 0…, 400… or 1… at the start. */
  static final Anchored PHONES = new Anchored(PHONE, 0, "0", "1", "4");

  /** Labelled addresses: 注册地址, 总部位于 and the like, their 地址 or 位于 at most 2 in. */
  static final Anchored LABELLED_ADDRESSES = new Anchored(LABELLED_ADDRESS, 2, "地址", "位于");

  /** Plain addresses: a province or city name of 2 to 7 Han characters, then 省 or 市. */
  static final Anchored PLAIN_ADDRESSES =
      new Anchored(PLAIN_ADDRESS, 7, FactsExtractor::han, "省", "市");

  /** Whether the character is in {@link #HAN}, the patterns' Han characters. */
  private static boolean han(int c) {
    return c >= 0x3400 && c <= 0x4DBF || c >= 0x4E00 && c <= 0x9FFF || c >= 0xF900 && c <= 0xFAFF;
  }

  private static List<String> custodyBanks(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (var m : CUSTODY.matches(text)) {
      if (out.size() >= MAX_EACH) {
        break;
      }
      String bank = m.group(1) != null ? m.group(1) : m.group(2);
      bank = BEFORE_BANK.matcher(bank).replaceFirst("");
      if (bank.length() >= 4) {
        out.add(bank);
      }
    }
    return List.copyOf(out);
  }

  private static void licences(
      String text, Pattern claim, String kind, Pattern form, List<OperatorFacts.Licence> out) {
    Matcher m = claim.matcher(text);
    while (m.find() && out.size() < MAX_EACH) {
      String number = m.group(1);
      out.add(new OperatorFacts.Licence(kind, number, form.matcher(number).matches()));
    }
  }

  private static List<String> all(String text, Anchored pattern, int group) {
    Set<String> out = new LinkedHashSet<>();
    pattern.forEach(
        text,
        m -> {
          out.add(m.group(group).strip());
          return out.size() < MAX_EACH;
        });
    return List.copyOf(out);
  }
}
