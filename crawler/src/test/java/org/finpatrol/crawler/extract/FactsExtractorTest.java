package org.finpatrol.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FactsExtractorTest {

  /**
   * Each anchored pattern; the pieces random texts are made of, chosen so that its matches are
   * likely; and how many of the 3,000 texts must have how many matches, so that the comparison is
   * not one of empty lists.
   */
  static Stream<Arguments> anchoredPatterns() {
    String custody = "资金由|恒丰银行|银行|存管|托管|。|；|\n|，|已接入|中国工商|平台|资金|abc|2024|华夏|股份|的|进行|本|由";
    String companies =
        "鑫盛|理财|有限公司|股份有限公司|有限责任公司|集团公司|合伙企业|合伙企业（有限合伙）|公司|有限|股份|（|）|(|)|。|，|abc|2024"
            + "|本公司|由|深圳市前海|投资管理|运营方为";
    String numbers =
        "京ICP备12345678号|豫ICP证：1234567号-2|京|豫|ICP|备|证|：| |12345678|号|-1|0392-3208867"
            + "|400-830-1276|4008301276|13812345678|1|0|4|-|电话|，|客服热线";
    String addresses =
        "河南省鹤壁市淇滨区华山路88号|鹤壁市淇滨区|黎阳路6号|注册地址|公司地址|地址|总部位于|位于|：|河南省|鹤壁市|淇滨区|省|市|区"
            + "|县|华山路|大道|街|88|号|。|，|abc|#|（|）";
    return Stream.of(
        Arguments.of("custody banks", FactsExtractor.CUSTODY, custody, 1, 500),
        Arguments.of("companies", FactsExtractor.COMPANIES, companies, 2, 500),
        Arguments.of("ICP numbers", FactsExtractor.ICPS, numbers, 1, 1000),
        Arguments.of("phone numbers", FactsExtractor.PHONES, numbers, 2, 300),
        Arguments.of("labelled addresses", FactsExtractor.LABELLED_ADDRESSES, addresses, 1, 300),
        Arguments.of("plain addresses", FactsExtractor.PLAIN_ADDRESSES, addresses, 1, 300));
  }

  /**
   * On 3,000 random texts of the pieces, the anchored pattern gives the matches of a {@code find()}
   * over the whole text, and more than {@code texts} of them had at least {@code matches} matches.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("anchoredPatterns")
  void findsOnlyNearItsAnchorsWhatAScanOfTheWholeTextFinds(
      String what, FactsExtractor.Anchored anchored, String pieces, int matches, int texts) {
    String[] piece = pieces.split("\\|");
    Pattern pattern = anchored.pattern();
    Random random = new Random(20261204);
    int withMatches = 0;
    for (int n = 0; n < 3000; n++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(40);
      for (int i = 0; i < length; i++) {
        text.append(piece[random.nextInt(piece.length)]);
      }
      List<String> scanned = new ArrayList<>();
      Matcher whole = pattern.matcher(text);
      while (whole.find()) {
        scanned.add(whole.start() + "-" + whole.end() + ":" + whole.group());
      }
      List<String> found = new ArrayList<>();
      for (var m : anchored.matches(text.toString())) {
        found.add(m.start() + "-" + m.end() + ":" + m.group());
      }
      assertThat(found).as(text.toString()).isEqualTo(scanned);
      if (scanned.size() >= matches) {
        withMatches++;
      }
    }
    assertThat(withMatches).as("texts with %d or more %s", matches, what).isGreaterThan(texts);
  }

  @Test
  void aBankFarFromCustodyIsNoCustodyBank() {
    String far = "本平台资金由恒丰银行" + "提供的服务说明文字很长很长很长很长很长很长很长很长很长" + "存管";
    assertThat(FactsExtractor.extract(far).custodyBanks()).isEmpty();
    assertThat(FactsExtractor.extract("本平台资金由恒丰银行存管。").custodyBanks()).containsExactly("恒丰银行");
  }
}
