package org.finpatrol.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FactsExtractorTest {

  @Test
  void custodyBanksAreFoundOnlyNearABankAsAScanOfTheWholeTextFindsThem() {
    String[] pieces = {
      "资金由", "恒丰银行", "银行", "存管", "托管", "。", "；", "\n", "，", "已接入", "中国工商", "平台", "资金", "abc",
      "2024", "华夏", "股份", "的", "进行", "本", "由"
    };
    int withMatches =
        textsFoundAlike(
            pieces, 20261202, FactsExtractor.CUSTODY_BANK, FactsExtractor::custodyMatches, 1);
    assertThat(withMatches).as("texts that name a custody bank").isGreaterThan(500);
  }

  @Test
  void companiesAreFoundOnlyNearTheirSuffixAsAScanOfTheWholeTextFindsThem() {
    String[] pieces = {
      "鑫盛",
      "理财",
      "有限公司",
      "股份有限公司",
      "有限责任公司",
      "集团公司",
      "合伙企业",
      "合伙企业（有限合伙）",
      "公司",
      "有限",
      "股份",
      "（",
      "）",
      "(",
      ")",
      "。",
      "，",
      "abc",
      "2024",
      "本公司",
      "由",
      "深圳市前海",
      "投资管理",
      "运营方为"
    };
    int withMatches =
        textsFoundAlike(
            pieces, 20261204, FactsExtractor.COMPANY, FactsExtractor::companyMatches, 2);
    assertThat(withMatches).as("texts that name two companies or more").isGreaterThan(500);
  }

  /**
   * Asserts that, on 3,000 random texts of the pieces, {@code near} gives the matches of a {@code
   * find()} over the whole text; returns how many texts had at least {@code counted} of them.
   */
  private static int textsFoundAlike(
      String[] pieces,
      long seed,
      Pattern pattern,
      Function<String, List<MatchResult>> near,
      int counted) {
    Random random = new Random(seed);
    int withMatches = 0;
    for (int n = 0; n < 3000; n++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(40);
      for (int i = 0; i < length; i++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      List<String> scanned = new ArrayList<>();
      Matcher whole = pattern.matcher(text);
      while (whole.find()) {
        scanned.add(whole.start() + "-" + whole.end() + ":" + whole.group());
      }
      List<String> found = new ArrayList<>();
      for (var m : near.apply(text.toString())) {
        found.add(m.start() + "-" + m.end() + ":" + m.group());
      }
      assertThat(found).as(text.toString()).isEqualTo(scanned);
      if (scanned.size() >= counted) {
        withMatches++;
      }
    }
    return withMatches;
  }

  @Test
  void aBankFarFromCustodyIsNoCustodyBank() {
    String far = "本平台资金由恒丰银行" + "提供的服务说明文字很长很长很长很长很长很长很长很长很长" + "存管";
    assertThat(FactsExtractor.extract(far).custodyBanks()).isEmpty();
    assertThat(FactsExtractor.extract("本平台资金由恒丰银行存管。").custodyBanks()).containsExactly("恒丰银行");
  }
}
