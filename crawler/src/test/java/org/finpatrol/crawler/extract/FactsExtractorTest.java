package org.finpatrol.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

class FactsExtractorTest {

  @Test
  void custodyBanksAreFoundOnlyNearABankAsAScanOfTheWholeTextFindsThem() {
    String[] pieces = {
      "资金由", "恒丰银行", "银行", "存管", "托管", "。", "；", "\n", "，", "已接入", "中国工商", "平台", "资金", "abc",
      "2024", "华夏", "股份", "的", "进行", "本", "由"
    };
    Random random = new Random(20261202);
    int withMatches = 0;
    for (int n = 0; n < 3000; n++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(40);
      for (int i = 0; i < length; i++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      List<String> scanned = new ArrayList<>();
      Matcher whole = FactsExtractor.CUSTODY_BANK.matcher(text);
      while (whole.find()) {
        scanned.add(whole.start() + "-" + whole.end() + ":" + whole.group());
      }
      List<String> near = new ArrayList<>();
      for (var m : FactsExtractor.custodyMatches(text.toString(), Integer.MAX_VALUE)) {
        near.add(m.start() + "-" + m.end() + ":" + m.group());
      }
      assertThat(near).as(text.toString()).isEqualTo(scanned);
      if (!scanned.isEmpty()) {
        withMatches++;
      }
    }
    assertThat(withMatches).as("texts that name a custody bank").isGreaterThan(500);
  }

  @Test
  void aBankFarFromCustodyIsNoCustodyBank() {
    String far = "本平台资金由恒丰银行" + "提供的服务说明文字很长很长很长很长很长很长很长很长很长" + "存管";
    assertThat(FactsExtractor.extract(far).custodyBanks()).isEmpty();
    assertThat(FactsExtractor.extract("本平台资金由恒丰银行存管。").custodyBanks()).containsExactly("恒丰银行");
  }
}
