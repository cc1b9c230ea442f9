package org.finpatrol.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.finpatrol.text.Normalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YieldScannerTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "年化15%，立即抢购|15.0",
        "年化１５％|15.0",
        "年化10%-12%|12.0",
        "年化收益率高达十二个点|12.0",
        "年息百分之十五|15.0",
        "月息2分，本金一分不少|24.0",
        "月息1分5，保本|18.0",
        "月息8厘|9.6",
        "日息万分之五|18.25",
        "周收益0.5%，复利滚存|26.0",
        "每年享有认购金额10%的保底分红|10.0",
        "产品类型：非保本浮动收益型 业绩比较基准：年化10%-14%|14.0",
        "年化9.8%|9.8",
      })
  void annualisesAdvertisedYields(String text, double expected) {
    List<YieldScanner.Yield> yields = YieldScanner.scan(Normalizer.normalize(text));
    assertThat(yields).isNotEmpty();
    YieldScanner.Yield best =
        yields.stream().max((a, b) -> Double.compare(a.annualPercent(), b.annualPercent())).get();
    assertThat(best.annualPercent()).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.01));
    assertThat(text.substring(best.start(), best.end()))
        .contains(text.substring(best.end() - 1, best.end()));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "车辆抵押贷款，当天放款，月息低至0.8%",
        "借款利率年化15%",
        "每月领取养老金600元",
        "月管理费为操盘资金的1.2%",
      })
  void borrowingCostsAndPlainAmountsAreNotYields(String text) {
    assertThat(YieldScanner.scan(Normalizer.normalize(text))).isEmpty();
  }
}
