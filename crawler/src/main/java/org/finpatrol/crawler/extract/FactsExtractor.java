package org.finpatrol.crawler.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
  static final Pattern CUSTODY_BANK =
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
        text.contains("ICP") ? all(text, ICP, 0) : List.of(),
        all(text, PHONE, 0),
        addresses(text),
        text.contains("银行") && (text.contains("存管") || text.contains("托管"))
            ? custodyBanks(text)
            : List.of(),
        licences);
  }

  private static List<String> companies(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = COMPANY.matcher(text);
    while (m.find() && out.size() < MAX_EACH) {
      String name = COMPANY_LEAD.matcher(m.group(1)).replaceFirst("");
      if (name.length() >= 6) {
        out.add(name);
      }
    }
    return List.copyOf(out);
  }

  private static List<String> addresses(String text) {
    Set<String> out = new LinkedHashSet<>();
    if (text.contains("地址") || text.contains("位于")) {
      out.addAll(all(text, LABELLED_ADDRESS, 1));
    }
    if (text.contains("号")) {
      out.addAll(all(text, PLAIN_ADDRESS, 0));
    }
    return out.stream().limit(MAX_EACH).toList();
  }

  /**
   * How far before its 银行 a {@link #CUSTODY_BANK} match can start: 存管 or 托管 (2), up to 20
   * characters, then a name of up to 12 characters ending in the 银行.
   */
  static final int CUSTODY_REACH = 2 + 20 + 12;

  /**
   * The matches {@code CUSTODY_BANK.matcher(text)}'s {@code find()} gives, in order, trying only
   * the starts that can reach a 银行: every match ends in one, at most {@link #CUSTODY_REACH}
   * characters after its start. Tried at every position, the pattern's lazy name ({2,12}?) was a
   * twentieth of a crawler thread's time.
   */
  static List<java.util.regex.MatchResult> custodyMatches(String text, int limit) {
    List<java.util.regex.MatchResult> out = new ArrayList<>();
    // Transparent bounds: the look-ahead sees past the region, as in a find() over the text.
    Matcher m = CUSTODY_BANK.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    int next = 0;
    int bank = text.indexOf("银行");
    while (bank >= 0 && out.size() < limit) {
      int start = Math.max(next, bank - CUSTODY_REACH);
      boolean matched = false;
      for (; start <= bank; start++) {
        m.region(start, text.length());
        if (m.lookingAt()) {
          matched = true;
          break;
        }
      }
      if (matched) {
        out.add(m.toMatchResult());
        next = m.end();
        bank = text.indexOf("银行", next);
      } else {
        next = bank + 1;
        bank = text.indexOf("银行", next);
      }
    }
    return out;
  }

  private static List<String> custodyBanks(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (var m : custodyMatches(text, Integer.MAX_VALUE)) {
      if (out.size() >= MAX_EACH) {
        break;
      }
      String bank = m.group(1) != null ? m.group(1) : m.group(2);
      bank = bank.replaceFirst("^.*(?:由|在|与|和|及|接入|通过|已|为)", "");
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

  private static List<String> all(String text, Pattern p, int group) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = p.matcher(text);
    while (m.find() && out.size() < MAX_EACH) {
      out.add(m.group(group).strip());
    }
    return List.copyOf(out);
  }
}
